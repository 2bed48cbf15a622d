/// Reads core values one by one while lifting (the spec's `CoreValueIter`).
///
/// Inside a variant payload the flat slots carry the *joined* types of all cases, so a value is
/// converted from the slot's type to the one the payload wants (spec: `CoerceValueIter` in
/// `lift_flat_variant`): `i64` to `i32` wraps, `i32`/`i64` to `f32` and `i64` to `f64`
/// reinterpret the bits. Outside variants the types must match exactly.
struct FlatReader {
    let values: [CoreValue]
    var index: Int = 0
    /// Greater than zero while reading a variant payload.
    var coercionDepth = 0

    init(_ values: [CoreValue]) {
        self.values = values
    }

    var isAtEnd: Bool { index >= values.count }

    @inline(__always)
    private mutating func next(_ wanted: CoreValueType) throws -> CoreValue {
        guard index < values.count else {
            throw CanonicalABIError.coreValueMismatch(
                "expected an \(wanted) core value at position \(index), but there are only \(values.count)")
        }
        let value = values[index]
        index += 1
        return value
    }

    private func mismatch(_ wanted: CoreValueType, _ got: CoreValue) -> CanonicalABIError {
        CanonicalABIError.coreValueMismatch(
            "expected an \(wanted) core value at position \(index - 1), got \(got.type)")
    }

    mutating func nextI32() throws -> UInt32 {
        switch try next(.i32) {
        case .i32(let value): return value
        case .i64(let value) where coercionDepth > 0: return UInt32(truncatingIfNeeded: value)
        case let other: throw mismatch(.i32, other)
        }
    }

    mutating func nextI64() throws -> UInt64 {
        switch try next(.i64) {
        case .i64(let value): return value
        case let other: throw mismatch(.i64, other)
        }
    }

    /// The bit pattern of an `f32`.
    mutating func nextF32() throws -> UInt32 {
        switch try next(.f32) {
        case .f32(let bits): return bits
        case .i32(let bits) where coercionDepth > 0: return bits
        case .i64(let bits) where coercionDepth > 0: return UInt32(truncatingIfNeeded: bits)
        case let other: throw mismatch(.f32, other)
        }
    }

    /// The bit pattern of an `f64`.
    mutating func nextF64() throws -> UInt64 {
        switch try next(.f64) {
        case .f64(let bits): return bits
        case .i64(let bits) where coercionDepth > 0: return bits
        case let other: throw mismatch(.f64, other)
        }
    }
}
