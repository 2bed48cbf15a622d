import Testing

@testable import WasmComponent

/// Bytes in memory checked by hand against the spec's `store`.
@Suite("Canonical ABI bytes in memory")
struct CanonicalMemoryLayoutTests {
    typealias F = CanonicalFixtures

    @Test("record {u8, u32, u16} stores its fields little-endian at 0, 4 and 8")
    func record() throws {
        var context = InMemoryContext()
        let type = ValueType.record(
            RecordType(
                name: "r",
                fields: [
                    .init(name: "a", type: .u8), .init(name: "b", type: .u32), .init(name: "c", type: .u16),
                ]))
        try CanonicalABI.store(
            F.record(("a", .u8(1)), ("b", .u32(0x0203_0405)), ("c", .u16(0x0607))), as: type, at: 0x40,
            context: &context)
        #expect(context.bytes(at: 0x40, count: 12) == [1, 0, 0, 0, 5, 4, 3, 2, 7, 6, 0, 0])
    }

    @Test("option<u64> stores the discriminant byte and the payload at offset 8")
    func option() throws {
        var context = InMemoryContext()
        try CanonicalABI.store(.option(.u64(0x0102_0304_0506_0708)), as: .option(.u64), at: 0x40, context: &context)
        #expect(context.bytes(at: 0x40, count: 16) == [1, 0, 0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    @Test("a string field stores pointer and length; the list of u16 its elements contiguously")
    func pointers() throws {
        var context = InMemoryContext()
        try CanonicalABI.store(.string("hi"), as: .string, at: 0x40, context: &context)
        #expect(context.u32(at: 0x40) == 1024)
        #expect(context.u32(at: 0x44) == 2)
        #expect(context.bytes(at: 1024, count: 2) == [0x68, 0x69])
        try CanonicalABI.store(.list([.u16(1), .u16(0x0203)]), as: .list(.u16), at: 0x48, context: &context)
        #expect(context.u32(at: 0x48) == 1026)
        #expect(context.u32(at: 0x4C) == 2)
        #expect(context.bytes(at: 1026, count: 4) == [1, 0, 3, 2])
        #expect(context.reallocCalls.last == .init(originalPointer: 0, originalSize: 0, alignment: 2, newSize: 4))
    }

    @Test("result<u32, string> err stores discriminant 1 and the string at offset 4")
    func result() throws {
        var context = InMemoryContext()
        try CanonicalABI.store(
            .result(.err(.string("no"))), as: .result(ok: .u32, err: .string), at: 0x40, context: &context)
        #expect(context.bytes(at: 0x40, count: 1) == [1])
        #expect(context.u32(at: 0x44) == 1024)
        #expect(context.u32(at: 0x48) == 2)
    }

    @Test("a variant with 300 cases stores a 2-byte discriminant")
    func wideDiscriminant() throws {
        var context = InMemoryContext()
        let type = ValueType.enumeration(EnumType(name: "e", cases: (0..<300).map { "c\($0)" }))
        try CanonicalABI.store(.enumCase("c258"), as: type, at: 0x40, context: &context)
        #expect(context.bytes(at: 0x40, count: 2) == [2, 1])
        #expect(try CanonicalABI.load(type, at: 0x40, context: &context) == .enumCase("c258"))
    }

    @Test("flags pack bit i for flag i: 3 flags in one byte, 40 flags in two u32 words")
    func flags() throws {
        var context = InMemoryContext()
        try CanonicalABI.store(.flags(["write", "exec"]), as: F.permissions, at: 0x40, context: &context)
        #expect(context.bytes(at: 0x40, count: 1) == [0b110])
        try CanonicalABI.store(.flags(["f1", "f32", "f39"]), as: F.manyFlags, at: 0x44, context: &context)
        #expect(context.bytes(at: 0x44, count: 8) == [2, 0, 0, 0, 0x81, 0, 0, 0])
    }

    @Test("char, bool and floats store their scalar value, 0/1 and IEEE bits")
    func scalars() throws {
        var context = InMemoryContext()
        try CanonicalABI.store(.char("😀"), as: .char, at: 0x40, context: &context)
        #expect(context.u32(at: 0x40) == 0x1F600)
        try CanonicalABI.store(.f32(1.0), as: .f32, at: 0x44, context: &context)
        #expect(context.u32(at: 0x44) == 0x3F80_0000)
        try CanonicalABI.store(.s16(-2), as: .s16, at: 0x48, context: &context)
        #expect(context.bytes(at: 0x48, count: 2) == [0xFE, 0xFF])
    }
}
