/// Hand-written component binaries that put chosen names in each place a component names
/// something, for the name validation tests.
enum ComponentBytes {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]

    static func u32(_ value: Int) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7f)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    static func name(_ text: String) -> [UInt8] { u32(text.utf8.count) + Array(text.utf8) }

    static func vector(_ items: [[UInt8]]) -> [UInt8] { u32(items.count) + items.flatMap { $0 } }

    static func section(_ id: UInt8, _ items: [[UInt8]]) -> [UInt8] {
        let contents = vector(items)
        return [id] + u32(contents.count) + contents
    }

    static func component(_ sections: [UInt8]...) -> [UInt8] { header + sections.flatMap { $0 } }

    /// `func()`: a function type with no parameters and no result.
    static let functionType: [UInt8] = [0x40, 0x00, 0x01, 0x00]
    /// An extern name of kind 0x00 (no attributes).
    static func externName(_ text: String) -> [UInt8] { [0x00] + name(text) }

    /// The byte offset of the last occurrence of `text` as a length-prefixed name in `bytes`:
    /// where an error about that name points.
    static func offset(ofName text: String, in bytes: [UInt8]) -> Int? {
        let encoded = name(text)
        guard encoded.count <= bytes.count else { return nil }
        return (0...(bytes.count - encoded.count)).last { Array(bytes[$0..<($0 + encoded.count)]) == encoded }
    }
}
