import Testing

@testable import WasmComponent

@Suite("Canonical ABI layout")
struct CanonicalLayoutTests {
    typealias F = CanonicalFixtures

    static func variant(_ payloads: ValueType?...) -> ValueType {
        .variant(VariantType(cases: payloads.enumerated().map { .init(name: "c\($0.offset)", payload: $0.element) }))
    }

    static func flags(_ count: Int) -> ValueType {
        .flags(FlagsType(name: "f", flags: (0..<count).map { "f\($0)" }))
    }

    @Test("primitive sizes and alignments follow the spec table")
    func primitives() {
        let expected: [(ValueType, Int)] = [
            (.bool, 1), (.s8, 1), (.u8, 1), (.s16, 2), (.u16, 2), (.s32, 4), (.u32, 4),
            (.s64, 8), (.u64, 8), (.f32, 4), (.f64, 8), (.char, 4), (.own(F.cart), 4), (.borrow(F.cart), 4),
        ]
        for (type, size) in expected {
            #expect(CanonicalABI.size(of: type) == size, "\(type)")
            #expect(CanonicalABI.alignment(of: type) == size, "\(type)")
        }
        #expect(CanonicalABI.size(of: .string) == 8)
        #expect(CanonicalABI.alignment(of: .string) == 4)
        #expect(CanonicalABI.size(of: .list(.u64)) == 8)
        #expect(CanonicalABI.alignment(of: .list(.u64)) == 4)
    }

    @Test("record {u8, u32, u16} is 12 bytes, aligned to 4, fields at 0, 4, 8")
    func recordLayout() {
        let record = ValueType.record(
            RecordType(
                name: "r",
                fields: [
                    .init(name: "a", type: .u8), .init(name: "b", type: .u32), .init(name: "c", type: .u16),
                ]))
        let layout = CanonicalTypeLayout(record)
        #expect(layout.size == 12)
        #expect(layout.alignment == 4)
        #expect(layout.fieldOffsets == [0, 4, 8])
        #expect(layout.flatTypes == [.i32, .i32, .i32])
        #expect(CanonicalABI.fieldOffsets(of: [.u8, .u32, .u16]) == [0, 4, 8])
    }

    @Test("tuple<u8, u64> pads the u64 to offset 8")
    func tupleLayout() {
        let layout = CanonicalTypeLayout(.tuple([.u8, .u64]))
        #expect(layout.size == 16)
        #expect(layout.alignment == 8)
        #expect(layout.fieldOffsets == [0, 8])
        #expect(layout.flatTypes == [.i32, .i64])
    }

    @Test("option<u64> is 16 bytes with the payload at 8; option<u8> is 2 bytes")
    func optionLayout() {
        let wide = CanonicalTypeLayout(.option(.u64))
        #expect(wide.size == 16)
        #expect(wide.alignment == 8)
        #expect(wide.payloadOffset == 8)
        #expect(wide.discriminantSize == 1)
        #expect(wide.flatTypes == [.i32, .i64])
        let narrow = CanonicalTypeLayout(.option(.u8))
        #expect(narrow.size == 2)
        #expect(narrow.alignment == 1)
        let string = CanonicalTypeLayout(.option(.string))
        #expect(string.size == 12)
        #expect(string.payloadOffset == 4)
    }

    @Test("result<u32, string> flattens to [i32, i32, i32]; payload-less results to [i32]")
    func resultFlattening() {
        #expect(CanonicalABI.flatten(.result(ok: .u32, err: .string)) == [.i32, .i32, .i32])
        #expect(CanonicalABI.size(of: .result(ok: .u32, err: .string)) == 12)
        #expect(CanonicalABI.flatten(.result(ok: nil, err: nil)) == [.i32])
        #expect(CanonicalABI.size(of: .result(ok: nil, err: nil)) == 1)
        #expect(CanonicalABI.flatten(.result(ok: nil, err: .string)) == [.i32, .i32, .i32])
    }

    @Test("variant slots join: i64/f32 -> i64, i32/f32 -> i32, f32/f64 -> i64, equal types stay")
    func variantJoins() {
        #expect(CanonicalABI.flatten(Self.variant(.s64, .f32)) == [.i32, .i64])
        #expect(CanonicalABI.flatten(Self.variant(.u32, .f32)) == [.i32, .i32])
        #expect(CanonicalABI.flatten(Self.variant(.f32, .f64)) == [.i32, .i64])
        #expect(CanonicalABI.flatten(Self.variant(.f64, .f64)) == [.i32, .f64])
        #expect(CanonicalABI.flatten(Self.variant(.f32, nil)) == [.i32, .f32])
        #expect(CanonicalABI.flatten(Self.variant(.tuple([.u8, .f32]), .tuple([.f32, .u64]))) == [.i32, .i32, .i64])
        #expect(CanonicalABI.flatten(Self.variant(nil, nil)) == [.i32])
    }

    @Test("shape variant: discriminant byte, payload at 8, 24 bytes, flat [i32, i64, i64]")
    func shapeLayout() {
        let layout = CanonicalTypeLayout(F.shape)
        #expect(layout.discriminantSize == 1)
        #expect(layout.payloadOffset == 8)
        #expect(layout.size == 24)
        #expect(layout.alignment == 8)
        #expect(layout.flatTypes == [.i32, .i64, .i64])
    }

    @Test("discriminants grow from u8 to u16 past 256 cases and to u32 past 65536")
    func discriminantSizes() {
        #expect(CanonicalABI.discriminantSize(caseCount: 1) == 1)
        #expect(CanonicalABI.discriminantSize(caseCount: 256) == 1)
        #expect(CanonicalABI.discriminantSize(caseCount: 257) == 2)
        #expect(CanonicalABI.discriminantSize(caseCount: 65536) == 2)
        #expect(CanonicalABI.discriminantSize(caseCount: 65537) == 4)
        let bigEnum = ValueType.enumeration(EnumType(name: "e", cases: (0..<300).map { "c\($0)" }))
        #expect(CanonicalABI.size(of: bigEnum) == 2)
        #expect(CanonicalABI.alignment(of: bigEnum) == 2)
        #expect(CanonicalABI.flatten(bigEnum) == [.i32])
        let bigVariant = ValueType.variant(
            VariantType(name: "v", cases: (0..<300).map { .init(name: "c\($0)", payload: $0 == 0 ? .u8 : nil) }))
        #expect(CanonicalTypeLayout(bigVariant).payloadOffset == 2)
        #expect(CanonicalABI.size(of: bigVariant) == 4)
    }

    @Test("flags take 1, 2 or 4 bytes up to 32 flags and one i32 per 32 flags beyond")
    func flagsLayout() {
        let expectations: [(Int, Int, Int, Int)] = [
            // count, size, alignment, flat i32s
            (3, 1, 1, 1), (8, 1, 1, 1), (9, 2, 2, 1), (16, 2, 2, 1), (17, 4, 4, 1), (32, 4, 4, 1),
            (33, 8, 4, 2), (64, 8, 4, 2), (65, 12, 4, 3),
        ]
        for (count, size, alignment, words) in expectations {
            let layout = CanonicalTypeLayout(Self.flags(count))
            #expect(layout.size == size, "\(count) flags")
            #expect(layout.alignment == alignment, "\(count) flags")
            #expect(layout.flatTypes == Array(repeating: .i32, count: words), "\(count) flags")
        }
    }

    @Test("16 flat parameters stay flat, 17 spill to one pointer in both contexts")
    func parameterSpilling() {
        func function(_ count: Int) -> FunctionType {
            FunctionType(parameters: (0..<count).map { .init(name: "p\($0)", type: .u32) }, result: nil)
        }
        let sixteen = CanonicalABI.flatten(function: function(16), context: .lift)
        #expect(sixteen.parameters == Array(repeating: .i32, count: 16))
        #expect(
            CanonicalABI.flatten(function: function(17), context: .lift)
                == CoreFunctionType(parameters: [.i32], results: []))
        #expect(
            CanonicalABI.flatten(function: function(17), context: .lower)
                == CoreFunctionType(parameters: [.i32], results: []))
        let strings = FunctionType(parameters: (0..<8).map { .init(name: "s\($0)", type: .string) }, result: nil)
        #expect(CanonicalABI.flatten(function: strings, context: .lift).parameters.count == 16)
        var stringsAndOne = strings
        stringsAndOne.parameters.append(.init(name: "b", type: .bool))
        #expect(CanonicalABI.flatten(function: stringsAndOne, context: .lift).parameters == [.i32])
    }

    @Test("a result of more than one flat value returns a pointer (lift) or takes a return pointer (lower)")
    func resultSpilling() {
        let pair = FunctionType(parameters: [.init(name: "a", type: .f64)], result: .tuple([.u32, .u32]))
        #expect(
            CanonicalABI.flatten(function: pair, context: .lift)
                == CoreFunctionType(parameters: [.f64], results: [.i32]))
        #expect(
            CanonicalABI.flatten(function: pair, context: .lower)
                == CoreFunctionType(parameters: [.f64, .i32], results: []))
        let single = FunctionType(parameters: [], result: .u64)
        #expect(
            CanonicalABI.flatten(function: single, context: .lower) == CoreFunctionType(parameters: [], results: [.i64])
        )
        let none = FunctionType(parameters: [], result: nil)
        #expect(CanonicalABI.flatten(function: none, context: .lower) == CoreFunctionType(parameters: [], results: []))
        let readFile = FunctionType(
            parameters: [.init(name: "path", type: .string)], result: .result(ok: .string, err: .string))
        #expect(CanonicalABI.flatten(function: readFile, context: .lower).description == "(i32, i32, i32) -> ()")
        #expect(CanonicalABI.flatten(function: readFile, context: .lift).description == "(i32, i32) -> (i32)")
    }

    @Test("aliases lay out as their target")
    func aliases() {
        let alias = ValueType.alias(name: "point-alias", F.point)
        #expect(CanonicalABI.size(of: alias) == 8)
        #expect(CanonicalABI.flatten(alias) == [.i32, .i32])
    }
}
