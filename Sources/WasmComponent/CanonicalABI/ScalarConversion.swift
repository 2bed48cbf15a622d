/// Scalar conversions shared by memory and flat lifting/lowering.
enum ScalarConversion {
    /// The spec's `CANONICAL_FLOAT32_NAN` / `CANONICAL_FLOAT64_NAN`.
    static let canonicalNaN32: UInt32 = 0x7fc0_0000
    static let canonicalNaN64: UInt64 = 0x7ff8_0000_0000_0000

    /// Lifting discards NaN sign and payload bits: every NaN becomes the canonical one
    /// (spec: `canonicalize_nan32`).
    @inline(__always)
    static func liftFloat(_ bits: UInt32) -> Float {
        let value = Float(bitPattern: bits)
        return value.isNaN ? Float(bitPattern: canonicalNaN32) : value
    }

    @inline(__always)
    static func liftDouble(_ bits: UInt64) -> Double {
        let value = Double(bitPattern: bits)
        return value.isNaN ? Double(bitPattern: canonicalNaN64) : value
    }

    /// Lowering may pick any NaN (spec: `maybe_scramble_nan32`); we pick the canonical one, as the
    /// deterministic profile requires, so results do not depend on where a NaN came from.
    @inline(__always)
    static func lowerFloat(_ value: Float) -> UInt32 {
        value.isNaN ? canonicalNaN32 : value.bitPattern
    }

    @inline(__always)
    static func lowerDouble(_ value: Double) -> UInt64 {
        value.isNaN ? canonicalNaN64 : value.bitPattern
    }

    /// The spec's `convert_i32_to_char`: surrogates and values past U+10FFFF trap.
    @inline(__always)
    static func liftChar(_ value: UInt32) throws -> Unicode.Scalar {
        guard let scalar = Unicode.Scalar(value) else { throw CanonicalABIError.invalidChar(value) }
        return scalar
    }

    /// Reinterprets a lowered payload value as the joined type of its variant slot
    /// (spec: the `(have, want)` table of `lower_flat_variant`).
    @inline(__always)
    static func coerce(_ value: CoreValue, to joined: CoreValueType) -> CoreValue {
        switch (value, joined) {
        case (.f32(let bits), .i32): return .i32(bits)
        case (.i32(let integer), .i64): return .i64(UInt64(integer))
        case (.f32(let bits), .i64): return .i64(UInt64(bits))
        case (.f64(let bits), .i64): return .i64(bits)
        default: return value
        }
    }
}
