/// A wasm value type as probes and `locals` see it: numbers can be passed to the host and shown;
/// vectors and references are named but never captured.
public enum WasmValueKind: Sendable, Hashable, CustomStringConvertible {
    case i32, i64, f32, f64, v128
    /// Any reference type (funcref, externref, typed references).
    case reference

    /// Whether a probe can pass a local of this type (as the bits of an i64).
    var isNumber: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: true
        case .v128, .reference: false
        }
    }

    /// `i32`, `f64`, `v128`, `ref`.
    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .reference: "ref"
        }
    }
}
