/// One value type compiled for the canonical ABI: its layout and value-level lifting and lowering.
///
/// Build it once per type and reuse it; building walks the whole type.
package struct CanonicalTypeLayout: Sendable {
    let layout: CanonicalLayout

    package init(_ type: ValueType) {
        layout = CanonicalLayout(type)
    }

    init(layout: CanonicalLayout) {
        self.layout = layout
    }

    package var type: ValueType { layout.type }
    /// Bytes a value takes in memory (spec: `elem_size`).
    package var size: Int { layout.size }
    /// Alignment in memory, a power of two (spec: `alignment`).
    package var alignment: Int { layout.alignment }
    /// The core values a value flattens into (spec: `flatten_type`).
    package var flatTypes: [CoreValueType] { layout.flat }

    /// Byte offsets of the fields of a record or tuple; nil for other types.
    package var fieldOffsets: [Int]? {
        switch layout.shape {
        case .record(let fields), .tuple(let fields): return fields.offsets
        default: return nil
        }
    }

    /// Bytes of the discriminant of a variant, enum, option or result (1, 2 or 4); nil otherwise.
    package var discriminantSize: Int? {
        guard case .cases(let cases) = layout.shape else { return nil }
        return cases.discriminantSize
    }

    /// Offset of the payload of a variant, enum, option or result; nil otherwise.
    package var payloadOffset: Int? {
        guard case .cases(let cases) = layout.shape else { return nil }
        return cases.payloadOffset
    }

    /// Lifts the value stored at `address` (spec: `load`), after checking that `address` is
    /// aligned and the value lies in memory.
    package func load<C: CanonicalContext>(at address: UInt32, context: inout C) throws -> ComponentValue {
        try checkValueRange(at: address, context: context)
        return try layout.load(at: Int(address), context: &context)
    }

    /// Lowers `value` into memory at `address` (spec: `store`), after checking that `address` is
    /// aligned and the value fits in memory. Strings and lists inside are allocated with `realloc`.
    package func store<C: CanonicalContext>(_ value: ComponentValue, at address: UInt32, context: inout C) throws {
        try checkValueRange(at: address, context: context)
        try layout.store(value, at: Int(address), context: &context)
    }

    /// Lifts a value from exactly `flatTypes.count` core values (spec: `lift_flat`).
    package func liftFlat<C: CanonicalContext>(from values: [CoreValue], context: inout C) throws -> ComponentValue {
        guard values.count == layout.flat.count else {
            throw CanonicalABIError.coreValueMismatch(
                "expected \(layout.flat.count) core values for \(TypeNaming.describe(layout.type)), got \(values.count)"
            )
        }
        var reader = FlatReader(values)
        return try layout.liftFlat(&reader, context: &context)
    }

    /// Lowers a value to its `flatTypes.count` core values (spec: `lower_flat`).
    package func lowerFlat<C: CanonicalContext>(_ value: ComponentValue, context: inout C) throws -> [CoreValue] {
        var values: [CoreValue] = []
        values.reserveCapacity(layout.flat.count)
        try layout.lowerFlat(value, into: &values, context: &context)
        return values
    }

    private func checkValueRange<C: CanonicalContext>(at address: UInt32, context: C) throws {
        try context.checkRange(
            address: Int(address), byteCount: layout.size, alignment: layout.alignment,
            subject: TypeNaming.describe(layout.type), extent: "\(layout.size) bytes")
    }
}
