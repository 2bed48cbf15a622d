@testable import WasmComponent

/// Types shared by the WAVE tests, shaped like the WIT a user would write.
enum WAVETestTypes {
    /// `record point { x: s32, y: s32 }`
    static let point = ValueType.record(
        RecordType(name: "point", fields: [.init(name: "x", type: .s32), .init(name: "y", type: .s32)]))

    /// `record settings { name: string, level: option<u8>, tag: option<string> }`
    static let settings = ValueType.record(
        RecordType(
            name: "settings",
            fields: [
                .init(name: "name", type: .string), .init(name: "level", type: .option(.u8)),
                .init(name: "tag", type: .option(.string)),
            ]))

    /// `record maybe { a: option<u32>, b: option<bool> }`: every field optional.
    static let allOptional = ValueType.record(
        RecordType(
            name: "maybe", fields: [.init(name: "a", type: .option(.u32)), .init(name: "b", type: .option(.bool))]))

    /// `variant shape { circle(f64), square(u32), empty, none(u8), ok }`: two keyword cases.
    static let shape = ValueType.variant(
        VariantType(
            name: "shape",
            cases: [
                .init(name: "circle", payload: .f64), .init(name: "square", payload: .u32),
                .init(name: "empty", payload: nil), .init(name: "none", payload: .u8), .init(name: "ok", payload: nil),
            ]))

    /// `enum status { ok, not-found, err, inf }`: keyword cases must print with `%`.
    static let status = ValueType.enumeration(EnumType(name: "status", cases: ["ok", "not-found", "err", "inf"]))

    /// `flags perms { read, write, exec }`
    static let perms = ValueType.flags(FlagsType(name: "perms", flags: ["read", "write", "exec"]))

    static let cart = ResourceType(name: "cart")
}
