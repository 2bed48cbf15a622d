import WasmComponent

/// A bounds-checked cursor over a core module's bytes; every read past `end` throws.
///
/// Offsets in errors are relative to the start of the module, whatever slice it came in.
struct ModuleByteReader {
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int
    let end: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
        self.end = bytes.endIndex
    }

    /// A reader over `count` bytes starting here, which must all lie inside this reader.
    func limited(to count: Int, _ what: String) throws(InstrumentationError) -> ModuleByteReader {
        guard count <= end - position else { throw error(.truncated(what)) }
        return ModuleByteReader(bytes: bytes, position: position, end: position + count)
    }

    /// A reader over `range` (positions in `bytes`), which must lie inside this reader.
    func advanced(to range: Range<Int>) throws(InstrumentationError) -> ModuleByteReader {
        guard range.lowerBound >= position && range.upperBound <= end else { throw error(.truncated("a section")) }
        return ModuleByteReader(bytes: bytes, position: range.lowerBound, end: range.upperBound)
    }

    private init(bytes: ArraySlice<UInt8>, position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    var isAtEnd: Bool { position >= end }
    var remaining: Int { end - position }
    /// The current position as an offset from the start of the module.
    var offset: Int { position - bytes.startIndex }

    func error(_ reason: InstrumentationError.Reason) -> InstrumentationError {
        InstrumentationError(reason, offset: offset)
    }

    mutating func readByte(_ what: String) throws(InstrumentationError) -> UInt8 {
        guard position < end else { throw error(.truncated(what)) }
        let byte = bytes[position]
        position += 1
        return byte
    }

    func peekByte(_ what: String) throws(InstrumentationError) -> UInt8 {
        guard position < end else { throw error(.truncated(what)) }
        return bytes[position]
    }

    mutating func skip(_ count: Int, _ what: String) throws(InstrumentationError) {
        guard count <= end - position else { throw error(.truncated(what)) }
        position += count
    }

    mutating func moveToEnd() {
        position = end
    }

    /// An unsigned LEB128 `u32`: at most 5 bytes, and the 5th may use only 4 bits.
    @inline(__always)
    mutating func readVarUInt32(_ what: String) throws(InstrumentationError) -> UInt32 {
        // Most integers in code are one byte (local indices, small constants): read it inline.
        if position < end, bytes[position] < 0x80 {
            defer { position += 1 }
            return UInt32(bytes[position])
        }
        return try readLongVarUInt32(what)
    }

    @inline(never)
    private mutating func readLongVarUInt32(_ what: String) throws(InstrumentationError) -> UInt32 {
        // Two bytes (function indices, small offsets) cannot be malformed: decoded here.
        if position + 1 < end, bytes[position + 1] < 0x80 {
            defer { position += 2 }
            return UInt32(bytes[position] & 0x7F) | UInt32(bytes[position + 1]) << 7
        }
        do {
            return UInt32(try LEB128.unsigned(bytes, at: &position, end: end, bits: 32))
        } catch {
            throw integerError(error, what)
        }
    }

    /// A signed LEB128 integer of `bits` bits (32, 33 for block types, or 64), sign-extended.
    @inline(__always)
    mutating func readVarInt(bits: Int, _ what: String) throws(InstrumentationError) -> Int64 {
        // One byte: 0x00...0x3F are 0...63, 0x40...0x7F are -64...-1.
        if position < end, bytes[position] < 0x80 {
            defer { position += 1 }
            return Int64(Int8(bitPattern: bytes[position] << 1) >> 1)
        }
        return try readLongVarInt(bits: bits, what)
    }

    @inline(never)
    private mutating func readLongVarInt(bits: Int, _ what: String) throws(InstrumentationError) -> Int64 {
        // Two bytes hold 14 bits, sign-extended; at 32 bits or more they cannot be malformed.
        if bits >= 32, position + 1 < end, bytes[position + 1] < 0x80 {
            defer { position += 2 }
            let value = Int64(bytes[position] & 0x7F) | Int64(bytes[position + 1]) << 7
            return (value << 50) >> 50
        }
        do {
            return try LEB128.signed(bytes, at: &position, end: end, bits: bits)
        } catch {
            throw integerError(error, what)
        }
    }

    /// An unsigned LEB128 integer of up to 64 bits.
    mutating func readVarUInt64(_ what: String) throws(InstrumentationError) -> UInt64 {
        do {
            return try LEB128.unsigned(bytes, at: &position, end: end, bits: 64)
        } catch {
            throw integerError(error, what)
        }
    }

    /// An unsigned LEB128 integer of up to 64 bits, whose value is not needed.
    @inline(__always)
    mutating func skipVarUInt64(_ what: String) throws(InstrumentationError) {
        if position < end, bytes[position] < 0x80 {
            position += 1
            return
        }
        _ = try readVarUInt64(what)
    }

    private func integerError(_ problem: LEB128.Problem, _ what: String) -> InstrumentationError {
        error(problem == .truncated ? .truncated(what) : .malformedInteger(what))
    }

    /// A `vec(byte)` name; returns the range of its bytes.
    mutating func readName(_ what: String) throws(InstrumentationError) -> Range<Int> {
        let length = Int(try readVarUInt32(what))
        let start = position
        try skip(length, what)
        return start..<position
    }
}
