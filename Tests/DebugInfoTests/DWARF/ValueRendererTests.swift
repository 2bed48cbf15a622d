import Testing

@testable import DebugInfo

@Suite("Values rendered by type")
struct ValueRendererTests {
    static func render(
        _ bytes: [UInt8], _ id: UInt64, options: ValueRenderOptions = ValueRenderOptions(), memory: FakeFrame? = nil
    )
        -> String
    {
        ValueRenderer(types: TypeTables.c, options: options).render(bytes, as: TypeTables.id(id), memory: memory)
    }

    static func le(_ value: Int64, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: value) >> UInt64(8 * $0)) }
    }

    @Test("integers by encoding and size, floats, bools")
    func scalars() {
        #expect(Self.render(Self.le(-1, 4), 1) == "-1")
        #expect(Self.render(Self.le(-1, 4), 2) == "4294967295")
        #expect(Self.render(Self.le(-2, 2), 29) == "-2")
        #expect(Self.render(Self.le(Int64.min, 8), 30) == "-9223372036854775808")
        #expect(Self.render(Self.le(Int64(Float(1.5).bitPattern), 4), 27) == "1.5")
        #expect(Self.render(Self.le(Int64(bitPattern: Double(-0.1).bitPattern), 8), 28) == "-0.1")
        #expect(Self.render([0], 26) == "false")
        #expect(Self.render([1], 26) == "true")
        #expect(Self.render([2], 26) == "true (2)")
    }

    @Test("chars with their code, escaped when not printable")
    func characters() {
        #expect(Self.render([97], 3) == "'a' (97)")
        #expect(Self.render([0x0a], 3) == "'\\n' (10)")
        #expect(Self.render([0x27], 3) == "'\\'' (39)")
        #expect(Self.render([0xc8], 3) == "'\\xc8' (-56)")
        #expect(Self.render([0xc8], 31) == "'\\xc8' (200)")
        #expect(Self.render([0], 31) == "'\\0' (0)")
    }

    @Test("pointers show the address and the pointer type; a char pointer its string when memory is given")
    func pointers() {
        #expect(Self.render(Self.le(0x11008, 4), 5) == "(struct point *) 0x11008")
        #expect(Self.render(Self.le(0, 4), 17) == "(void *) 0x0")
        var memory = FakeFrame()
        memory.store(Array("tab\there\"".utf8) + [0], at: 0x100)
        #expect(Self.render(Self.le(0x100, 4), 7, memory: memory) == "(const char *) 0x100 \"tab\\there\\\"\"")
        #expect(Self.render(Self.le(0x100, 4), 7) == "(const char *) 0x100")
        memory.store([UInt8](repeating: 0x41, count: 100), at: 0x200)
        #expect(
            Self.render(Self.le(0x200, 4), 7, memory: memory) == "(const char *) 0x200 \""
                + String(repeating: "A", count: 64) + "\"...")
        // A string running into the end of memory shows what there is.
        memory.store([0x42], at: 0x3fff)
        #expect(Self.render(Self.le(0x3fff, 4), 7, memory: memory) == "(const char *) 0x3fff \"B\"...")
        #expect(Self.render(Self.le(0x9000, 4), 7, memory: memory) == "(const char *) 0x9000")
    }

    @Test("structs field by field, unions every member, bit fields extracted")
    func composites() {
        #expect(Self.render(Self.le(3, 4) + Self.le(-4, 4), 4) == "{x = 3, y = -4}")
        #expect(Self.render(Self.le(3, 4) + Self.le(-4, 4), 19) == "{x = 3, y = -4}")
        #expect(Self.render(Self.le(Int64(Float(1.5).bitPattern), 4), 25) == "{whole = 1069547520, fraction = 1.5}")
        // low = 5 (bits 0-2), signed_part = -3 (bits 3-6), high = 300 (bits 7-15)
        let bits: UInt32 = 5 | (UInt32(13) << 3) | (UInt32(300) << 7)
        #expect(Self.render(Self.le(Int64(bits), 4), 32) == "{low = 5, signed_part = -3, high = 300}")
        #expect(Self.render([1, 2, 3], 4) == "<unavailable>")
        #expect(Self.render([], 37) == "<incomplete type>")
        #expect(
            Self.render(Self.le(0, 4), 35, options: ValueRenderOptions(maximumDepth: 2)) == "{inner = {inner = {...}}}")
    }

    @Test("enums by case name, arrays bounded, char arrays as strings")
    func enumsAndArrays() {
        #expect(Self.render(Self.le(7, 4), 20) == "AXIS_BOTH")
        #expect(Self.render(Self.le(5, 4), 20) == "5")
        #expect(Self.render([0, 1, 4, 9].flatMap { Self.le($0, 4) }, 10) == "{0, 1, 4, 9}")
        #expect(Self.render((0..<6).flatMap { Self.le($0, 4) }, 16) == "{{0, 1, 2}, {3, 4, 5}}")
        let hundred = (0..<100).flatMap { Self.le($0, 4) }
        #expect(Self.render(hundred, 36, options: ValueRenderOptions(maximumElements: 3)) == "{0, 1, 2, ... (97 more)}")
        #expect(Self.render(Array("segment".utf8) + [0], 33) == "\"segment\"")
        #expect(Self.render(hundred, 36, options: ValueRenderOptions(maximumValues: 10)).hasSuffix("... (91 more)}"))
    }

    @Test("void and unknown types say so")
    func unknown() {
        #expect(ValueRenderer(types: TypeTables.c).render([1, 2], as: nil) == "<void>")
        #expect(Self.render([1, 2], 999) == "<unknown type>")
        #expect(Self.render([1, 2, 3, 4], 14) == "<function>")
    }
}
