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
        UInt32(truncatingIfNeeded: try readUnsigned(bits: 32, what))
    }

    /// An unsigned LEB128 integer of at most `bits` (32 or 64) bits. Decoded here rather than by
    /// the generic `LEB128`, which costs several times as much: function indices past 16,383,
    /// addresses and memory offsets are three bytes or more.
    @inline(__always)
    private mutating func readUnsigned(bits: Int, _ what: String) throws(InstrumentationError) -> UInt64 {
        // The last byte allowed (the 5th or the 10th) holds only the bits left over.
        let lastShift = UInt64(7 * ((bits + 6) / 7 - 1))
        let lastByteLimit = UInt8(1) << (UInt64(bits) - lastShift)
        var index = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < end {
            let byte = bytes[index]
            index += 1
            if shift == lastShift {
                position = index
                guard byte < lastByteLimit else { throw error(.malformedInteger(what)) }
                return result | UInt64(byte) &<< shift
            }
            result |= UInt64(byte & 0x7F) &<< shift
            if byte & 0x80 == 0 {
                position = index
                return result
            }
            shift += 7
        }
        position = index
        throw error(.truncated(what))
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
        // As `LEB128.signed`, decoded here for its cost (see `readUnsigned`).
        let maxBytes = (bits + 6) / 7
        var index = position
        var result: Int64 = 0
        var shift: Int64 = 0
        var count = 0
        while index < end {
            let byte = bytes[index]
            index += 1
            count += 1
            result |= Int64(byte & 0x7F) &<< shift
            shift += 7
            if byte & 0x80 == 0 {
                position = index
                if count == maxBytes {
                    // The unused high bits of the last byte must repeat the sign bit.
                    let usedBits = bits - 7 * (maxBytes - 1)
                    let rest = Int(byte & 0x7F) >> (usedBits - 1)
                    guard rest == 0 || rest == (0x7F >> (usedBits - 1)) else { throw error(.malformedInteger(what)) }
                }
                if shift < 64 && byte & 0x40 != 0 { result |= -1 &<< shift }
                return result
            }
            if count == maxBytes {
                position = index
                throw error(.malformedInteger(what))
            }
        }
        position = index
        throw error(.truncated(what))
    }

    /// An unsigned LEB128 integer of up to 64 bits.
    mutating func readVarUInt64(_ what: String) throws(InstrumentationError) -> UInt64 {
        try readUnsigned(bits: 64, what)
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

    /// A `vec(byte)` name; returns the range of its bytes.
    mutating func readName(_ what: String) throws(InstrumentationError) -> Range<Int> {
        let length = Int(try readVarUInt32(what))
        let start = position
        try skip(length, what)
        return start..<position
    }
}
