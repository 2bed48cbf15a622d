/// A core WebAssembly value type: what the canonical ABI flattens component values into.
package enum CoreValueType: Hashable, Sendable, CustomStringConvertible {
    case i32, i64, f32, f64

    package var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        }
    }

    /// The spec's `join`: the type one flat slot of a variant takes when two cases put
    /// different types there (`i32`/`f32` share an `i32`, anything else widens to `i64`).
    func joined(with other: CoreValueType) -> CoreValueType {
        if self == other { return self }
        if (self == .i32 && other == .f32) || (self == .f32 && other == .i32) { return .i32 }
        return .i64
    }
}
