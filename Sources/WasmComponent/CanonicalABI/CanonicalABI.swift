/// The Component Model's canonical ABI (design/mvp/CanonicalABI.md): layout rules and one-shot
/// lifting and lowering of values, independent of any engine.
///
/// Each function here compiles the type it is given; code on a call path should build a
/// ``CanonicalSignature`` or ``CanonicalTypeLayout`` once and use that instead.
package enum CanonicalABI {
    /// `MAX_FLAT_PARAMS`: more flat parameters than this are passed through memory.
    package static let maxFlatParameters = 16
    /// `MAX_FLAT_RESULTS`: more flat results than this are passed through memory.
    package static let maxFlatResults = 1
    /// `MAX_STRING_BYTE_LENGTH`: the longest string a guest may hand over, in bytes.
    package static let maxStringByteLength = (1 << 28) - 1
    /// `MAX_LIST_BYTE_LENGTH`: the longest list a guest may hand over, in bytes.
    package static let maxListByteLength = (1 << 28) - 1
    /// The bit of a `latin1+utf16` string length that marks UTF-16.
    package static let utf16Tag: UInt32 = 1 << 31

    // MARK: Layout

    /// Bytes a value of `type` takes in memory (spec: `elem_size`).
    package static func size(of type: ValueType) -> Int {
        CanonicalLayout(type).size
    }

    /// Alignment of `type` in memory (spec: `alignment`).
    package static func alignment(of type: ValueType) -> Int {
        CanonicalLayout(type).alignment
    }

    /// The core value types a value of `type` flattens into (spec: `flatten_type`).
    package static func flatten(_ type: ValueType) -> [CoreValueType] {
        CanonicalLayout(type).flat
    }

    /// The core signature of a component function (spec: `flatten_functype`, synchronous).
    package static func flatten(function type: FunctionType, context: FlatteningContext) -> CoreFunctionType {
        CanonicalSignature(type).coreType(context)
    }

    /// Offsets of consecutive fields of these types in a record or tuple.
    package static func fieldOffsets(of fieldTypes: [ValueType]) -> [Int] {
        FieldsLayout(names: fieldTypes.indices.map(String.init), fields: fieldTypes.map { CanonicalLayout($0) }).offsets
    }

    /// Bytes of the discriminant of a variant with `caseCount` cases (spec: `discriminant_type`).
    package static func discriminantSize(caseCount: Int) -> Int {
        CasesLayout.discriminantSize(caseCount: caseCount)
    }

    // MARK: Values

    /// Lifts the value of `type` stored at `address` (spec: `load`).
    package static func load<C: CanonicalContext>(_ type: ValueType, at address: UInt32, context: inout C) throws
        -> ComponentValue
    {
        try CanonicalTypeLayout(type).load(at: address, context: &context)
    }

    /// Lowers `value` of `type` into memory at `address` (spec: `store`).
    package static func store<C: CanonicalContext>(
        _ value: ComponentValue, as type: ValueType, at address: UInt32, context: inout C
    ) throws {
        try CanonicalTypeLayout(type).store(value, at: address, context: &context)
    }

    /// Lifts a value of `type` from its flat core values (spec: `lift_flat`).
    package static func liftFlat<C: CanonicalContext>(_ type: ValueType, from values: [CoreValue], context: inout C)
        throws -> ComponentValue
    {
        try CanonicalTypeLayout(type).liftFlat(from: values, context: &context)
    }

    /// Lowers `value` of `type` to its flat core values (spec: `lower_flat`).
    package static func lowerFlat<C: CanonicalContext>(_ value: ComponentValue, as type: ValueType, context: inout C)
        throws -> [CoreValue]
    {
        try CanonicalTypeLayout(type).lowerFlat(value, context: &context)
    }
}

extension CanonicalABI {
    /// The little-endian integer in `bytes` (1, 2, 4 or 8 of them), zero-extended.
    @inline(__always)
    package static func littleEndianBits(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        switch bytes.count {
        case 1: UInt64(bytes.load(as: UInt8.self))
        case 2: UInt64(UInt16(littleEndian: bytes.loadUnaligned(as: UInt16.self)))
        case 4: UInt64(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
        default: UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        }
    }

    /// Stores the low `bytes.count` bytes (1, 2, 4 or 8) of `bits`, little-endian.
    @inline(__always)
    package static func storeLittleEndianBits(_ bits: UInt64, into bytes: UnsafeMutableRawBufferPointer) {
        switch bytes.count {
        case 1: bytes.storeBytes(of: UInt8(truncatingIfNeeded: bits), as: UInt8.self)
        case 2: bytes.storeBytes(of: UInt16(truncatingIfNeeded: bits).littleEndian, as: UInt16.self)
        case 4: bytes.storeBytes(of: UInt32(truncatingIfNeeded: bits).littleEndian, as: UInt32.self)
        default: bytes.storeBytes(of: bits.littleEndian, as: UInt64.self)
        }
    }
}
