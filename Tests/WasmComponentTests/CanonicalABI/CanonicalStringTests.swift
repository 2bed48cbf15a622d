import Testing

@testable import WasmComponent

@Suite("Canonical ABI strings")
struct CanonicalStringTests {
    typealias Call = InMemoryContext.ReallocCall

    @Test("UTF-8: one allocation of the byte length, bytes copied as they are")
    func utf8Lowering() throws {
        var context = InMemoryContext(encoding: .utf8)
        let flat = try CanonicalABI.lowerFlat(.string("hé"), as: .string, context: &context)
        #expect(flat == [.i32(1024), .i32(3)])
        #expect(context.reallocCalls == [Call(originalPointer: 0, originalSize: 0, alignment: 1, newSize: 3)])
        #expect(context.bytes(at: 1024, count: 3) == [0x68, 0xC3, 0xA9])
    }

    @Test("UTF-16: worst case allocated (2 bytes per UTF-8 byte), surrogate pairs written, then shrunk")
    func utf16Lowering() throws {
        var context = InMemoryContext(encoding: .utf16)
        let flat = try CanonicalABI.lowerFlat(.string("a😀"), as: .string, context: &context)
        #expect(
            context.reallocCalls == [
                Call(originalPointer: 0, originalSize: 0, alignment: 2, newSize: 10),
                Call(originalPointer: 1024, originalSize: 10, alignment: 2, newSize: 6),
            ])
        #expect(flat == [.i32(1034), .i32(3)])
        #expect(context.bytes(at: 1034, count: 6) == [0x61, 0x00, 0x3D, 0xD8, 0x00, 0xDE])
    }

    @Test("UTF-16: a string whose UTF-16 fills the worst case is not shrunk")
    func utf16NoShrink() throws {
        var context = InMemoryContext(encoding: .utf16)
        let flat = try CanonicalABI.lowerFlat(.string("ab"), as: .string, context: &context)
        #expect(context.reallocCalls.count == 1)
        #expect(flat == [.i32(1024), .i32(2)])
        #expect(context.bytes(at: 1024, count: 4) == [0x61, 0, 0x62, 0])
    }

    @Test("latin1+utf16: Latin-1 text is downgraded to one byte per character and the block shrunk")
    func latin1Downgrade() throws {
        var context = InMemoryContext(encoding: .latin1UTF16)
        let flat = try CanonicalABI.lowerFlat(.string("café"), as: .string, context: &context)
        #expect(
            context.reallocCalls == [
                Call(originalPointer: 0, originalSize: 0, alignment: 2, newSize: 5),
                Call(originalPointer: 1024, originalSize: 5, alignment: 2, newSize: 4),
            ])
        #expect(flat == [.i32(1030), .i32(4)])
        #expect(context.bytes(at: 1030, count: 4) == [0x63, 0x61, 0x66, 0xE9])
    }

    @Test("latin1+utf16: a character beyond U+00FF upgrades to tagged UTF-16, widening what was written")
    func utf16Upgrade() throws {
        var context = InMemoryContext(encoding: .latin1UTF16)
        let flat = try CanonicalABI.lowerFlat(.string("é€"), as: .string, context: &context)
        #expect(
            context.reallocCalls == [
                Call(originalPointer: 0, originalSize: 0, alignment: 2, newSize: 5),
                Call(originalPointer: 1024, originalSize: 5, alignment: 2, newSize: 10),
                Call(originalPointer: 1030, originalSize: 10, alignment: 2, newSize: 4),
            ])
        #expect(flat == [.i32(1040), .i32(2 | 0x8000_0000)])
        #expect(context.bytes(at: 1040, count: 4) == [0xE9, 0x00, 0xAC, 0x20])
        #expect(try CanonicalABI.liftFlat(.string, from: flat, context: &context) == .string("é€"))
    }

    @Test("latin1+utf16: pure ASCII needs no shrinking")
    func asciiLatin1() throws {
        var context = InMemoryContext(encoding: .latin1UTF16)
        let flat = try CanonicalABI.lowerFlat(.string("abc"), as: .string, context: &context)
        #expect(context.reallocCalls.count == 1)
        #expect(flat == [.i32(1024), .i32(3)])
    }

    @Test("lifting latin1+utf16 reads Latin-1 without the tag and UTF-16 with it")
    func latin1UTF16Lifting() throws {
        var context = InMemoryContext(encoding: .latin1UTF16)
        context.write([0x63, 0x61, 0x66, 0xE9], at: 0x100)
        #expect(try CanonicalABI.liftFlat(.string, from: [.i32(0x100), .i32(4)], context: &context) == .string("café"))
        context.write([0x3D, 0xD8, 0x00, 0xDE, 0x21, 0x00], at: 0x200)
        let tagged = try CanonicalABI.liftFlat(.string, from: [.i32(0x200), .i32(0x8000_0003)], context: &context)
        #expect(tagged == .string("😀!"))
    }

    @Test("lifting UTF-16 decodes surrogate pairs")
    func utf16Lifting() throws {
        var context = InMemoryContext(encoding: .utf16)
        context.write([0x65, 0x26, 0x3D, 0xD8, 0x00, 0xDE], at: 0x80)
        #expect(try CanonicalABI.liftFlat(.string, from: [.i32(0x80), .i32(3)], context: &context) == .string("♥😀"))
    }

    @Test("empty strings still call realloc for zero bytes, as the spec does")
    func emptyStrings() throws {
        for encoding in [StringEncoding.utf8, .utf16, .latin1UTF16] {
            var context = InMemoryContext(encoding: encoding)
            let flat = try CanonicalABI.lowerFlat(.string(""), as: .string, context: &context)
            #expect(context.reallocCalls.count == 1)
            #expect(context.reallocCalls.first?.newSize == 0)
            #expect(flat == [.i32(1024), .i32(0)])
            #expect(try CanonicalABI.liftFlat(.string, from: flat, context: &context) == .string(""))
        }
    }

    @Test("a long mixed string round-trips in every encoding")
    func longString() throws {
        let text = String(repeating: "ASCII é ÿ Ω 日本 😀🎉 ", count: 200)
        for encoding in [StringEncoding.utf8, .utf16, .latin1UTF16] {
            var context = InMemoryContext(encoding: encoding)
            let flat = try CanonicalABI.lowerFlat(.string(text), as: .string, context: &context)
            #expect(try CanonicalABI.liftFlat(.string, from: flat, context: &context) == .string(text))
        }
    }
}
