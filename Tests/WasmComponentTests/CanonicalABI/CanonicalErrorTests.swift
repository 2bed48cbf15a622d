import Testing

@testable import WasmComponent

/// Every way a guest or a host value can be wrong, with the exact message.
@Suite("Canonical ABI errors")
struct CanonicalErrorTests {
    typealias F = CanonicalFixtures

    static let shape3 = ValueType.variant(
        VariantType(
            name: "shape",
            cases: [
                .init(name: "circle", payload: .f32), .init(name: "square", payload: .f32),
                .init(name: "dot", payload: nil),
            ]))
    static let perms8 = ValueType.flags(FlagsType(name: "perms", flags: (0..<8).map { "p\($0)" }))

    /// The error `body` throws, which must be a `CanonicalABIError`.
    func thrownError(_ body: (inout InMemoryContext) throws -> Void, context: InMemoryContext = InMemoryContext())
        -> CanonicalABIError?
    {
        var context = context
        do {
            try body(&context)
            Issue.record("expected an error")
            return nil
        } catch let error as CanonicalABIError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    func message(_ body: (inout InMemoryContext) throws -> Void, context: InMemoryContext = InMemoryContext())
        -> String?
    {
        thrownError(body, context: context)?.description
    }

    func lift(_ type: ValueType, _ values: [CoreValue], _ context: inout InMemoryContext) throws {
        _ = try CanonicalABI.liftFlat(type, from: values, context: &context)
    }

    func lower(_ value: ComponentValue, _ type: ValueType, _ context: inout InMemoryContext) throws {
        _ = try CanonicalABI.lowerFlat(value, as: type, context: &context)
    }

    // MARK: Guest memory

    @Test("a string past the end of memory")
    func stringOutOfBounds() {
        let error = thrownError { try lift(.string, [.i32(0x10fff0), .i32(32)], &$0) }
        #expect(error?.message == "string at 0x10fff0 (length 32) is out of bounds of memory (65536 bytes)")
        #expect(error?.kind == .outOfBounds)
        #expect(
            message({ try lift(.string, [.i32(0xFFF0), .i32(17)], &$0) })
                == "string at 0xfff0 (length 17) is out of bounds of memory (65536 bytes)")
        #expect(
            message({ try lift(.string, [.i32(0xFFF0), .i32(9)], &$0) }, context: InMemoryContext(encoding: .utf16))
                == "string at 0xfff0 (length 9 in UTF-16 code units) is out of bounds of memory (65536 bytes)")
    }

    @Test("a pointer + length that overflows 32 bits is out of bounds, not wrapped")
    func wrappingRange() {
        #expect(
            message({ try lift(.list(.u8), [.i32(0xFFFF_FFFF), .i32(2)], &$0) })
                == "list<u8> at 0xffffffff (length 2) is out of bounds of memory (65536 bytes)")
    }

    @Test("invalid UTF-8, including encoded surrogates and truncated sequences")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0x61, 0xE2, 0x82], [0xFF]] {
            var context = InMemoryContext()
            context.write(bytes, at: 0x400)
            let error = thrownError(
                { try lift(.string, [.i32(0x400), .i32(UInt32(bytes.count))], &$0) }, context: context)
            #expect(error?.message == "invalid UTF-8 in string at 0x400")
            #expect(error?.kind == .invalidEncoding)
        }
    }

    @Test("unpaired surrogates in UTF-16 and in tagged latin1+utf16")
    func unpairedSurrogates() {
        var context = InMemoryContext(encoding: .utf16)
        context.write([0x3D, 0xD8, 0x41, 0x00], at: 0x400)
        #expect(
            message({ try lift(.string, [.i32(0x400), .i32(2)], &$0) }, context: context)
                == "invalid UTF-16 in string at 0x400 (unpaired surrogate)")
        var tagged = InMemoryContext(encoding: .latin1UTF16)
        tagged.write([0x00, 0xDE], at: 0x400)
        #expect(
            message({ try lift(.string, [.i32(0x400), .i32(0x8000_0001)], &$0) }, context: tagged)
                == "invalid UTF-16 in string at 0x400 (unpaired surrogate)")
    }

    @Test("misaligned UTF-16 and latin1+utf16 strings, misaligned lists")
    func misaligned() {
        #expect(
            message({ try lift(.string, [.i32(0x401), .i32(1)], &$0) }, context: InMemoryContext(encoding: .utf16))
                == "pointer 0x401 is not aligned to 2 for string")
        #expect(
            message(
                { try lift(.string, [.i32(0x401), .i32(1)], &$0) }, context: InMemoryContext(encoding: .latin1UTF16))
                == "pointer 0x401 is not aligned to 2 for string")
        let error = thrownError { try lift(.list(.u32), [.i32(3), .i32(1)], &$0) }
        #expect(error?.message == "pointer 0x3 is not aligned to 4 for list<u32>")
        #expect(error?.kind == .misaligned)
        #expect(
            message({ _ = try CanonicalABI.load(.u32, at: 2, context: &$0) })
                == "pointer 0x2 is not aligned to 4 for u32")
    }

    @Test("string and list lengths over the spec's limit")
    func tooLong() {
        #expect(
            message({ try lift(.string, [.i32(0), .i32(1 << 28)], &$0) })
                == "string at 0x0 has length 268435456 (268435456 bytes), more than the limit of 268435455 bytes")
        #expect(
            message({ try lift(.string, [.i32(0), .i32(1 << 27)], &$0) }, context: InMemoryContext(encoding: .utf16))
                == "string at 0x0 has length 134217728 in UTF-16 code units (268435456 bytes), more than the limit of 268435455 bytes"
        )
        #expect(
            message(
                { try lift(.string, [.i32(0), .i32(0xFFFF_FFFF)], &$0) },
                context: InMemoryContext(encoding: .latin1UTF16))
                == "string at 0x0 has length 2147483647 in UTF-16 code units (4294967294 bytes), more than the limit of 268435455 bytes"
        )
        let error = thrownError { try lift(.list(.u32), [.i32(0), .i32(1 << 30)], &$0) }
        #expect(
            error?.message
                == "list<u32> at 0x0 has length 1073741824 of 4-byte elements, more than the limit of 268435455 bytes")
        #expect(error?.kind == .tooLong)
        #expect(
            message({ try lift(.list(.tuple([.u64, .u64])), [.i32(0), .i32(0xFFFF_FFFF)], &$0) })
                == "list<tuple<u64, u64>> at 0x0 has length 4294967295 of 16-byte elements, more than the limit of 268435455 bytes"
        )
    }

    @Test("a list or value that ends past memory")
    func listOutOfBounds() {
        #expect(
            message({ try lift(.list(.u32), [.i32(0xFFF0), .i32(8)], &$0) })
                == "list<u32> at 0xfff0 (length 8) is out of bounds of memory (65536 bytes)")
        #expect(
            message({ _ = try CanonicalABI.load(.u64, at: 0xFFFC, context: &$0) })
                == "pointer 0xfffc is not aligned to 8 for u64")
        #expect(
            message({ _ = try CanonicalABI.load(.u64, at: 0x10000, context: &$0) })
                == "u64 at 0x10000 (8 bytes) is out of bounds of memory (65536 bytes)")
        #expect(
            message({ _ = try CanonicalABI.load(.tuple([.u32, .u32]), at: 0xFFFC, context: &$0) })
                == "tuple<u32, u32> at 0xfffc (8 bytes) is out of bounds of memory (65536 bytes)")
    }

    @Test("strings and lists nested in memory are checked too")
    func nestedPointers() {
        var context = InMemoryContext()
        context.writeU32(0xFFFC, at: 0x40)
        context.writeU32(4, at: 0x44)
        #expect(
            message({ _ = try CanonicalABI.load(.list(.string), at: 0x40, context: &$0) }, context: context)
                == "list<string> at 0xfffc (length 4) is out of bounds of memory (65536 bytes)")
        context.writeU32(5, at: 0x44)
        #expect(
            message({ _ = try CanonicalABI.load(.string, at: 0x40, context: &$0) }, context: context)
                == "string at 0xfffc (length 5) is out of bounds of memory (65536 bytes)")
    }

    // MARK: Invalid values from the guest

    @Test("discriminants past the last case, flat and in memory")
    func invalidDiscriminants() {
        let error = thrownError { try lift(Self.shape3, [.i32(7), .i32(0)], &$0) }
        #expect(error?.message == "invalid discriminant 7 for variant shape (3 cases)")
        #expect(error?.kind == .invalidDiscriminant)
        #expect(message({ try lift(F.color, [.i32(3)], &$0) }) == "invalid discriminant 3 for enum color (3 cases)")
        var context = InMemoryContext()
        context.write([2], at: 0x40)
        #expect(
            message({ _ = try CanonicalABI.load(.option(.u64), at: 0x40, context: &$0) }, context: context)
                == "invalid discriminant 2 for option<u64> (2 cases)")
        context.write([5], at: 0x40)
        #expect(
            message(
                { _ = try CanonicalABI.load(.result(ok: .u32, err: .string), at: 0x40, context: &$0) }, context: context
            )
                == "invalid discriminant 5 for result<u32, string> (2 cases)")
        context.write([0xFF], at: 0x40)
        #expect(
            message({ _ = try CanonicalABI.load(.option(.bool), at: 0x40, context: &$0) }, context: context)
                == "invalid discriminant 255 for option<bool> (2 cases)")
    }

    @Test("chars that are surrogates or beyond U+10FFFF")
    func invalidChars() {
        let error = thrownError { try lift(.char, [.i32(0xD800)], &$0) }
        #expect(error?.message == "char 0xD800 is not a Unicode scalar value")
        #expect(error?.kind == .invalidChar)
        #expect(message({ try lift(.char, [.i32(0x110000)], &$0) }) == "char 0x110000 is not a Unicode scalar value")
        var context = InMemoryContext()
        context.writeU32(0xDFFF, at: 0x40)
        #expect(
            message({ _ = try CanonicalABI.load(.char, at: 0x40, context: &$0) }, context: context)
                == "char 0xDFFF is not a Unicode scalar value")
    }

    @Test("flags with bits beyond the last flag")
    func unknownFlags() {
        let error = thrownError { try lift(Self.perms8, [.i32(0x101)], &$0) }
        #expect(error?.message == "unknown flag bits 0x100 for flags perms")
        #expect(error?.kind == .unknownFlags)
        var context = InMemoryContext()
        context.write([0xFF], at: 0x40)
        #expect(
            message({ _ = try CanonicalABI.load(F.permissions, at: 0x40, context: &$0) }, context: context)
                == "unknown flag bits 0xf8 for flags perms")
        #expect(
            message({ try lift(F.manyFlags, [.i32(0), .i32(0x100)], &$0) })
                == "unknown flag bits 0x10000000000 for flags many")
    }

    // MARK: Core values

    @Test("core values of the wrong type or count")
    func coreValues() {
        let error = thrownError { try lift(.u32, [.f32(0)], &$0) }
        #expect(error?.message == "expected an i32 core value at position 0, got f32")
        #expect(error?.kind == .coreValueMismatch)
        #expect(message({ try lift(.string, [.i32(0)], &$0) }) == "expected 2 core values for string, got 1")
        #expect(message({ try lift(.u64, [.i32(0)], &$0) }) == "expected an i64 core value at position 0, got i32")
        #expect(message({ try lift(.f64, [.i64(0)], &$0) }) == "expected an f64 core value at position 0, got i64")
    }

    // MARK: Missing options, misbehaving realloc

    @Test("strings and lists without a memory or realloc option")
    func missingOptions() {
        var noMemory = InMemoryContext()
        noMemory.hasMemory = false
        let error = thrownError({ try lift(.string, [.i32(0), .i32(0)], &$0) }, context: noMemory)
        #expect(error?.message == "string needs the canonical option `memory`, which this function does not have")
        #expect(error?.kind == .missingMemory)
        var noRealloc = InMemoryContext()
        noRealloc.hasRealloc = false
        #expect(
            message({ try lower(.list([.u8(1)]), .list(.u8), &$0) }, context: noRealloc)
                == "list<u8> needs the canonical option `realloc`, which this function does not have")
        #expect(
            message({ try lower(.string("x"), .string, &$0) }, context: noRealloc)
                == "string needs the canonical option `realloc`, which this function does not have")
    }

    @Test("realloc returning a misaligned or out-of-bounds block")
    func badRealloc() {
        var misaligned = InMemoryContext()
        misaligned.reallocOverride = { _ in 3 }
        #expect(
            message({ try lower(.list([.u32(1)]), .list(.u32), &$0) }, context: misaligned)
                == "pointer 0x3 is not aligned to 4 for list<u32> (returned by realloc)")
        var outside = InMemoryContext()
        outside.reallocOverride = { _ in 0xFFF8 }
        #expect(
            message({ try lower(.list([.u32(1), .u32(2), .u32(3), .u32(4)]), .list(.u32), &$0) }, context: outside)
                == "list<u32> allocated by realloc at 0xfff8 (16 bytes) is out of bounds of memory (65536 bytes)")
        var utf16 = InMemoryContext(encoding: .utf16)
        utf16.reallocOverride = { _ in 1 }
        #expect(
            message({ try lower(.string("x"), .string, &$0) }, context: utf16)
                == "pointer 0x1 is not aligned to 2 for string (returned by realloc)")
        var shrinkOutside = InMemoryContext(encoding: .utf16)
        shrinkOutside.reallocOverride = { call in call.originalPointer == 0 ? 0x100 : 0x10000 }
        #expect(
            message({ try lower(.string("é"), .string, &$0) }, context: shrinkOutside)
                == "string allocated by realloc at 0x10000 (2 bytes) is out of bounds of memory (65536 bytes)")
    }

    // MARK: Host values that do not match their type

    @Test("host values of the wrong shape")
    func typeMismatches() {
        let error = thrownError { try lower(.string("x"), .u32, &$0) }
        #expect(error?.message == "expected a value of type u32, got string")
        #expect(error?.kind == .typeMismatch)
        #expect(message({ try lower(.u32(1), .option(.u32), &$0) }) == "expected a value of type option<u32>, got u32")
        #expect(
            message({ try lower(.variant(caseName: "triangle", payload: nil), Self.shape3, &$0) })
                == "variant shape has no case `triangle`")
        #expect(message({ try lower(.enumCase("pink"), F.color, &$0) }) == "enum color has no case `pink`")
        #expect(
            message({ try lower(.variant(caseName: "circle", payload: nil), Self.shape3, &$0) })
                == "case `circle` of variant shape needs a payload of type f32")
        #expect(
            message({ try lower(.variant(caseName: "dot", payload: .f32(1)), Self.shape3, &$0) })
                == "case `dot` of variant shape has no payload, but one was given")
        #expect(
            message({ try lower(.result(.ok(nil)), .result(ok: .u32, err: nil), &$0) })
                == "case `ok` of result<u32> needs a payload of type u32")
        #expect(
            message({ try lower(F.record(("x", .s32(1))), F.point, &$0) }) == "record point value is missing field `y`")
        #expect(
            message({ try lower(F.record(("x", .s32(1)), ("y", .s32(2)), ("z", .s32(3))), F.point, &$0) })
                == "record point has no field `z`")
        #expect(
            message({ try lower(.tuple([.u8(1), .u64(2)]), .tuple([.u8, .u64, .string]), &$0) })
                == "expected 3 values for tuple<u8, u64, string>, got a tuple of 2")
        #expect(message({ try lower(.flags(["admin"]), F.permissions, &$0) }) == "flags perms has no flag `admin`")
        #expect(
            message({ try lower(.list([.u8(1), .u16(2)]), .list(.u8), &$0) }) == "expected a value of type u8, got u16")
        let borrowed = ResourceHandle(resource: F.cart, index: 3, isOwned: false)
        #expect(
            message({ try lower(.handle(borrowed), .own(F.cart), &$0) })
                == "expected an owned handle for own<cart>, got borrow<cart>#3")
    }

    @Test("errors thrown by the context's hooks pass through unchanged")
    func contextErrors() {
        var context = InMemoryContext()
        #expect(throws: InMemoryContext.HandleError(description: "no own<cart> handle at index 9")) {
            try CanonicalABI.liftFlat(.own(F.cart), from: [.i32(9)], context: &context)
        }
    }

    // MARK: Function level

    @Test("function-level errors name the argument or result")
    func located() {
        let readFile = CanonicalSignature(CanonicalSignatureTests.readFile)
        var context = InMemoryContext()
        context.write([0xFF], at: 0x400)
        let error = thrownError(
            { _ = try readFile.liftArguments(from: [.i32(0x400), .i32(1), .i32(0x300)], context: &$0) },
            context: context)
        #expect(error?.description == "argument `path`: invalid UTF-8 in string at 0x400")
        #expect(error?.site == "argument `path`")
        #expect(error?.message == "invalid UTF-8 in string at 0x400")
        #expect(
            message({ _ = try readFile.liftArguments(from: [.i32(0x400), .i32(1)], context: &$0) })
                == "expected 3 core arguments, got 2")
        #expect(
            message({ _ = try readFile.lowerArguments([.string("a"), .string("b")], context: &$0) })
                == "expected 1 argument, got 2")
        #expect(
            message({ _ = try readFile.lowerArguments([.u32(1)], context: &$0) })
                == "argument `path`: expected a value of type string, got u32")
        #expect(
            message({
                _ = try readFile.lowerResult(
                    .result(.ok(.string("x"))), coreArguments: [.i32(0), .i32(0), .i64(8)], context: &$0)
            })
                == "result: expected the return pointer (an i32) as the last core argument, got an i64")
        #expect(
            message({
                _ = try readFile.lowerResult(
                    .result(.ok(.string("x"))), coreArguments: [.i32(0), .i32(0), .i32(0xFFFC)], context: &$0)
            })
                == "result: result<string, string> at 0xfffc (12 bytes) is out of bounds of memory (65536 bytes)")
        #expect(
            message({
                _ = try readFile.lowerResult(
                    .result(.ok(.string("x"))), coreArguments: [.i32(0), .i32(0), .i32(0x302)], context: &$0)
            })
                == "result: pointer 0x302 is not aligned to 4 for result<string, string>")
        #expect(
            message({ _ = try readFile.lowerResult(nil, coreArguments: [.i32(0), .i32(0), .i32(0x300)], context: &$0) })
                == "result: expected a result of type result<string, string>, got none")
        #expect(
            message({ _ = try readFile.liftResult(from: [.i32(0x302)], context: &$0) })
                == "result: pointer 0x302 is not aligned to 4 for result<string, string>")
        #expect(message({ _ = try readFile.liftResult(from: [], context: &$0) }) == "expected 1 core results, got 0")

        let seventeen = CanonicalSignature(CanonicalSignatureTests.seventeen)
        #expect(
            message({ _ = try seventeen.liftArguments(from: [.i32(2), .i32(0x300)], context: &$0) })
                == "arguments: pointer 0x2 is not aligned to 4 for arguments tuple")
        #expect(
            message({ _ = try seventeen.liftArguments(from: [.i32(0xFFF0), .i32(0x300)], context: &$0) })
                == "arguments: arguments tuple at 0xfff0 (68 bytes) is out of bounds of memory (65536 bytes)")
        var noRealloc = InMemoryContext()
        noRealloc.hasRealloc = false
        #expect(
            message(
                { _ = try seventeen.lowerArguments((0..<17).map { .u32(UInt32($0)) }, context: &$0) },
                context: noRealloc)
                == "arguments: arguments tuple needs the canonical option `realloc`, which this function does not have")
        let noResult = CanonicalSignature(FunctionType(parameters: [], result: nil))
        #expect(
            message({ _ = try noResult.lowerResult(.u32(1), coreArguments: [], context: &$0) })
                == "result: the function has no result, but a result value was given")
    }
}
