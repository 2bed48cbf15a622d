@testable import WasmComponent

/// Types and values shared by the canonical ABI tests.
enum CanonicalFixtures {
    static let cart = ResourceType(name: "cart")

    static let point = ValueType.record(
        RecordType(
            name: "point",
            fields: [
                .init(name: "x", type: .s32), .init(name: "y", type: .s32),
            ]))

    static let shape = ValueType.variant(
        VariantType(
            name: "shape",
            cases: [
                .init(name: "circle", payload: .f32),
                .init(name: "rectangle", payload: .tuple([.f32, .f64])),
                .init(name: "label", payload: .string),
                .init(name: "nothing", payload: nil),
                .init(name: "big", payload: .u64),
            ]))

    static let color = ValueType.enumeration(EnumType(name: "color", cases: ["red", "green", "blue"]))

    static let permissions = ValueType.flags(FlagsType(name: "perms", flags: ["read", "write", "exec"]))

    static let manyFlags = ValueType.flags(FlagsType(name: "many", flags: (0..<40).map { "f\($0)" }))

    static func record(_ fields: (String, ComponentValue)...) -> ComponentValue {
        .record(fields.map { ComponentValue.RecordField(name: $0.0, value: $0.1) })
    }

    /// Every kind of type with a few values each, including edge values.
    static let samples: [(ValueType, [ComponentValue])] = [
        (.bool, [.bool(true), .bool(false)]),
        (.s8, [.s8(-128), .s8(127), .s8(-1)]),
        (.u8, [.u8(0), .u8(255)]),
        (.s16, [.s16(-32768), .s16(12345)]),
        (.u16, [.u16(65535)]),
        (.s32, [.s32(.min), .s32(-1), .s32(.max)]),
        (.u32, [.u32(0), .u32(.max)]),
        (.s64, [.s64(.min), .s64(-2)]),
        (.u64, [.u64(.max)]),
        (.f32, [.f32(1.5), .f32(-0.0), .f32(.infinity), .f32(.leastNonzeroMagnitude)]),
        (.f64, [.f64(0.1), .f64(-.infinity), .f64(.greatestFiniteMagnitude)]),
        (.char, [.char("a"), .char("é"), .char("😀"), .char("\u{10FFFF}")]),
        (.string, [.string(""), .string("hello"), .string("héllo wörld"), .string("日本語 😀 ÿ"), .string("ÿþ")]),
        (.list(.u8), [.list([]), .list([.u8(1), .u8(2), .u8(255)])]),
        (.list(.s16), [.list([.s16(-1), .s16(300)])]),
        (.list(.f64), [.list([.f64(1.25), .f64(-3)])]),
        (.list(.string), [.list([.string("a"), .string(""), .string("ünï")])]),
        (.list(.list(.u32)), [.list([.list([.u32(1)]), .list([]), .list([.u32(2), .u32(3)])])]),
        (point, [record(("x", .s32(-5)), ("y", .s32(7)))]),
        (.tuple([.u8, .u64, .string]), [.tuple([.u8(9), .u64(1 << 40), .string("t")])]),
        (
            shape,
            [
                .variant(caseName: "circle", payload: .f32(2.5)),
                .variant(caseName: "rectangle", payload: .tuple([.f32(1), .f64(2)])),
                .variant(caseName: "label", payload: .string("lbl")),
                .variant(caseName: "nothing", payload: nil),
                .variant(caseName: "big", payload: .u64(.max)),
            ]
        ),
        (color, [.enumCase("red"), .enumCase("blue")]),
        (.option(.u64), [.option(nil), .option(.u64(42))]),
        (.option(.option(.string)), [.option(nil), .option(.option(nil)), .option(.option(.string("x")))]),
        (.result(ok: .u32, err: .string), [.result(.ok(.u32(7))), .result(.err(.string("bad")))]),
        (.result(ok: nil, err: .string), [.result(.ok(nil)), .result(.err(.string("e")))]),
        (.result(ok: .f64, err: nil), [.result(.ok(.f64(0.5))), .result(.err(nil))]),
        (.result(ok: nil, err: nil), [.result(.ok(nil)), .result(.err(nil))]),
        (permissions, [.flags([]), .flags(["read", "exec"]), .flags(["read", "write", "exec"])]),
        (manyFlags, [.flags(["f0", "f31", "f32", "f39"]), .flags([])]),
        (.alias(name: "bytes", .list(.u8)), [.list([.u8(7)])]),
        (.list(point), [.list([record(("x", .s32(1)), ("y", .s32(2))), record(("x", .s32(3)), ("y", .s32(4)))])]),
        (.list(.option(.char)), [.list([.option(.char("x")), .option(nil)])]),
    ]
}
