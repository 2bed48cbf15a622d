/// Readers for the type encodings that instruction immediates and declarations use.
///
/// They accept the encodings of the MVP, reference types, typed function references,
/// exception handling and GC (whose abstract heap types share the same byte ranges), and
/// throw on anything else, so no byte is ever taken for the wrong kind of item.
extension ModuleByteReader {
    /// A value type: a number, vector or reference type.
    mutating func skipValueType() throws(InstrumentationError) {
        let start = offset
        let byte = try readByte("a value type")
        if Self.isSingleByteValueType(byte) { return }
        if byte == 0x63 || byte == 0x64 {  // (ref null ht) / (ref ht)
            try skipHeapType()
            return
        }
        throw InstrumentationError(.malformedType(byte), offset: start)
    }

    /// A value type, as probes see it; the same encodings as `skipValueType`.
    mutating func readValueKind() throws(InstrumentationError) -> WasmValueKind {
        switch try peekByte("a value type") {
        case 0x7F: _ = try readByte("a value type"); return .i32
        case 0x7E: _ = try readByte("a value type"); return .i64
        case 0x7D: _ = try readByte("a value type"); return .f32
        case 0x7C: _ = try readByte("a value type"); return .f64
        case 0x7B: _ = try readByte("a value type"); return .v128
        default:
            try skipValueType()
            return .reference
        }
    }

    /// A heap type: an abstract type (one negative byte) or a type index (s33, non-negative).
    mutating func skipHeapType() throws(InstrumentationError) {
        let start = offset
        let byte = try peekByte("a heap type")
        if Self.isAbstractHeapType(byte) {
            _ = try readByte("a type")
            return
        }
        let index = try readVarInt(bits: 33, "a heap type")
        guard index >= 0 else { throw InstrumentationError(.malformedType(byte), offset: start) }
    }

    /// A block type: empty (0x40), one value type, or a type index (s33, non-negative).
    mutating func skipBlockType() throws(InstrumentationError) {
        let start = offset
        let byte = try peekByte("a block type")
        if byte == 0x40 || Self.isSingleByteValueType(byte) {
            _ = try readByte("a type")
            return
        }
        if byte == 0x63 || byte == 0x64 {
            try skipValueType()
            return
        }
        let index = try readVarInt(bits: 33, "a block type")
        guard index >= 0 else { throw InstrumentationError(.malformedType(byte), offset: start) }
    }

    /// A memory argument: alignment flags (bit 6 announces a memory index), then the offset
    /// (64 bits wide for memory64).
    mutating func skipMemArg() throws(InstrumentationError) {
        let flags = try readVarUInt32("a memory alignment")
        if flags & 0x40 != 0 { _ = try readVarUInt32("a memory index") }
        try skipVarUInt64("a memory offset")
    }

    /// Limits of a memory or table type: flags (max present, shared, 64-bit, custom page size),
    /// minimum, optional maximum, optional page size.
    mutating func skipLimits() throws(InstrumentationError) {
        let start = offset
        let flags = try readByte("limits")
        guard flags & ~0x0F == 0 else {
            throw InstrumentationError(.malformed("limits flags 0x\(String(flags, radix: 16))"), offset: start)
        }
        try skipVarUInt64("a minimum size")
        if flags & 0x01 != 0 { try skipVarUInt64("a maximum size") }
        if flags & 0x08 != 0 { _ = try readVarUInt32("a page size") }
    }

    /// Number (i32 i64 f32 f64), vector (v128) and reference shorthands.
    static func isSingleByteValueType(_ byte: UInt8) -> Bool {
        (0x7B...0x7F).contains(byte) || isAbstractHeapType(byte)
    }

    /// func extern any eq i31 struct array none nofunc noextern exn noexn.
    static func isAbstractHeapType(_ byte: UInt8) -> Bool {
        (0x69...0x74).contains(byte)
    }
}
