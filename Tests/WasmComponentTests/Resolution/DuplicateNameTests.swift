import Testing
import WasmComponent

/// A type's labels (record fields, variant and enum cases, flags) and a function's parameters
/// must be distinct: the parser refuses a repeated one where it reads it, and type resolution
/// relies on that.
@Suite("Duplicate labels in types")
struct DuplicateNameTests {
    static let u32: UInt8 = 0x79

    /// A component that defines `type` and, so that it is resolved, imports it: as a function
    /// when it is one (0x40), else as a type equal to it.
    static func component(defining type: [UInt8]) -> [UInt8] {
        let descriptor: [UInt8] = type.first == 0x40 ? [0x01, 0x00] : [0x03, 0x00, 0x00]
        return ComponentBytes.component(
            ComponentBytes.section(7, [type]), ComponentBytes.section(10, [ComponentBytes.externName("t") + descriptor])
        )
    }

    static func record(_ fields: [String]) -> [UInt8] {
        [0x72] + ComponentBytes.vector(fields.map { ComponentBytes.name($0) + [u32] })
    }

    static func labels(_ code: UInt8, _ names: [String]) -> [UInt8] {
        [code] + ComponentBytes.vector(names.map(ComponentBytes.name))
    }

    static func variant(_ cases: [String]) -> [UInt8] {
        [0x71] + ComponentBytes.vector(cases.map { ComponentBytes.name($0) + [0x01, u32, 0x00] })
    }

    static func function(_ parameters: [String]) -> [UInt8] {
        [0x40] + ComponentBytes.vector(parameters.map { ComponentBytes.name($0) + [u32] }) + [0x01, 0x00]
    }

    /// The error loading `bytes` gives, or nil if it loads.
    static func error(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ComponentInspector.world(of: try ComponentParser.parse(bytes))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// 20 distinct names, then `repeated` again if given.
    static func names(repeating repeated: Int? = nil) -> [String] {
        let distinct = (0..<20).map { "n\($0)" }
        return repeated.map { distinct + [distinct[$0]] } ?? distinct
    }

    @Test(
        "a repeated label or parameter is refused where the parser reads it, however many names there are",
        arguments: [
            (record(["a", "b", "a"]), "record field name 'a' appears twice"),
            (record(names(repeating: 3)), "record field name 'n3' appears twice"),
            (labels(0x6E, ["x", "y", "x"]), "flag name 'x' appears twice"),
            (labels(0x6D, names(repeating: 19)), "enum case name 'n19' appears twice"),
            (variant(["some", "none", "some"]), "variant case name 'some' appears twice"),
            (function(["p", "p"]), "parameter name 'p' appears twice"),
            (function(names(repeating: 0)), "parameter name 'n0' appears twice"),
        ])
    func refused(bytes: [UInt8], message: String) {
        let error = Self.error(Self.component(defining: bytes))
        #expect(error?.contains(message) == true, "\(error ?? "loaded")")
    }

    @Test(
        "distinct labels load",
        arguments: [
            record(["a", "b"]), record(names()), labels(0x6E, names()), variant(["a", "b"]), function(names()),
        ])
    func distinct(bytes: [UInt8]) {
        #expect(Self.error(Self.component(defining: bytes)) == nil)
    }
}
