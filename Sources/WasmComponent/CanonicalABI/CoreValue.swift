/// A core WebAssembly value as the engine passes it to or from a core function.
///
/// Floats are carried as their IEEE bit patterns so that no conversion can change a NaN's bits
/// behind the canonical ABI's back.
package enum CoreValue: Hashable, Sendable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    /// An `f32`, as its bit pattern (`Float(bitPattern:)`).
    case f32(UInt32)
    /// An `f64`, as its bit pattern (`Double(bitPattern:)`).
    case f64(UInt64)

    package var type: CoreValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        }
    }

    /// The zero of a core type: what pads the unused flat slots of a variant.
    package static func zero(_ type: CoreValueType) -> CoreValue {
        switch type {
        case .i32: return .i32(0)
        case .i64: return .i64(0)
        case .f32: return .f32(0)
        case .f64: return .f64(0)
        }
    }

    package var description: String {
        switch self {
        case .i32(let value): return "i32 \(value)"
        case .i64(let value): return "i64 \(value)"
        case .f32(let bits): return "f32 \(Float(bitPattern: bits))"
        case .f64(let bits): return "f64 \(Double(bitPattern: bits))"
        }
    }
}
