/// Writes component binaries by hand, for inputs no toolchain would produce (types nested
/// thousands deep, a component that instantiates itself). Follows the Component Model's
/// Binary.md: a preamble, then sections of `id, u32 size, contents`.
enum ComponentBytes {
    static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]

    static func component(_ sections: [[UInt8]]) -> [UInt8] {
        preamble + sections.joined()
    }

    static func section(_ id: UInt8, _ contents: [UInt8]) -> [UInt8] {
        [id] + u32(contents.count) + contents
    }

    /// A section holding a vector of `items`.
    static func vectorSection(_ id: UInt8, _ items: [[UInt8]]) -> [UInt8] {
        section(id, u32(items.count) + items.joined())
    }

    static func u32(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = UInt32(truncatingIfNeeded: value)
        repeat {
            var byte = UInt8(rest & 0x7f)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
        return bytes
    }

    /// A non-negative type index as the `s33` LEB128 of a value type.
    static func typeIndex(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while true {
            let byte = UInt8(rest & 0x7f)
            rest >>= 7
            if rest == 0, byte & 0x40 == 0 {
                bytes.append(byte)
                return bytes
            }
            bytes.append(byte | 0x80)
        }
    }

    static func name(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return u32(utf8.count) + utf8
    }

    // MARK: Definitions

    static let u32Type: UInt8 = 0x79

    /// `(type (func (param "x" T)))`.
    static func functionType(parameter: [UInt8]) -> [UInt8] {
        [0x40] + u32(1) + name("x") + parameter + [0x01, 0x00]
    }

    /// `(import "NAME" (func (type INDEX)))`.
    static func functionImport(_ importName: String, type: Int) -> [UInt8] {
        [0x00] + name(importName) + [0x01] + u32(type)
    }

    /// `(export "NAME" (type INDEX))`.
    static func typeExport(_ exportName: String, type: Int) -> [UInt8] {
        [0x00] + name(exportName) + [0x03] + u32(type) + [0x00]
    }

    /// `(instance (instantiate COMPONENT))` without arguments.
    static func instantiate(component: Int) -> [UInt8] {
        [0x00] + u32(component) + u32(0)
    }
}
