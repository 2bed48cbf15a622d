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
    mutating func readVarUInt32(_ what: String) throws(InstrumentationError) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = try readByte(what)
            if shift == 28 && byte & 0xF0 != 0 { throw error(.malformedInteger(what)) }
            result |= UInt32(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A signed LEB128 integer of `bits` bits (33 for block types), sign-extended.
    mutating func readVarInt(bits: Int, _ what: String) throws(InstrumentationError) -> Int64 {
        let maxBytes = (bits + 6) / 7
        var result: Int64 = 0
        var shift = 0
        for index in 0..<maxBytes {
            let byte = try readByte(what)
            result |= Int64(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                if index == maxBytes - 1 {
                    // The unused high bits of the last byte must repeat the sign bit.
                    let usedBits = bits - 7 * (maxBytes - 1)
                    let rest = Int(byte & 0x7F) >> (usedBits - 1)
                    guard rest == 0 || rest == (0x7F >> (usedBits - 1)) else { throw error(.malformedInteger(what)) }
                }
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
        throw error(.malformedInteger(what))
    }

    /// An unsigned LEB128 integer of up to 64 bits, whose value is not needed.
    mutating func skipVarUInt64(_ what: String) throws(InstrumentationError) {
        for index in 0..<10 {
            let byte = try readByte(what)
            if byte & 0x80 == 0 {
                if index == 9 && byte > 1 { throw error(.malformedInteger(what)) }
                return
            }
        }
        throw error(.malformedInteger(what))
    }

    /// A `vec(byte)` name; returns the range of its bytes.
    mutating func readName(_ what: String) throws(InstrumentationError) -> Range<Int> {
        let length = Int(try readVarUInt32(what))
        let start = position
        try skip(length, what)
        return start..<position
    }
}
