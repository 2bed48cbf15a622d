/// A bounds-checked cursor over a component binary. Every read throws on truncation instead of
/// trapping, and errors carry the absolute file offset.
///
/// `package` so that other targets reading wasm binaries (the DWARF reader in DebugInfo) share
/// one LEB128 decoder.
package struct ByteReader {
    package let bytes: [UInt8]
    package private(set) var position: Int
    package let end: Int
    package var section: String?

    package init(bytes: [UInt8], start: Int = 0, end: Int? = nil, section: String? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
        self.section = section
    }

    package var isAtEnd: Bool { position >= end }
    package var remaining: Int { end - position }

    package func error(_ message: String, at offset: Int? = nil) -> ComponentError {
        ComponentError(message, offset: offset ?? position, section: section)
    }

    package mutating func readByte() throws(ComponentError) -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        let byte = bytes[position]
        position += 1
        return byte
    }

    package func peekByte() throws(ComponentError) -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        return bytes[position]
    }

    package mutating func readBytes(_ count: Int) throws(ComponentError) -> Range<Int> {
        guard count >= 0, count <= remaining else {
            throw error("length \(count) runs past the end of the data (\(remaining) bytes left)")
        }
        let range = position..<(position + count)
        position += count
        return range
    }

    package mutating func readU32() throws(ComponentError) -> UInt32 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
            if shift >= 35 { throw error("integer representation too long", at: start) }
        }
        guard result <= UInt64(UInt32.max) else { throw error("integer too large for u32", at: start) }
        return UInt32(result)
    }

    /// A signed LEB128 of at most 33 bits, as used for value types (negative codes vs. indices).
    package mutating func readS33() throws(ComponentError) -> Int64 {
        let start = position
        var result: Int64 = 0
        var shift: Int64 = 0
        var byte: UInt8
        repeat {
            byte = try readByte()
            result |= Int64(byte & 0x7f) << shift
            shift += 7
            if shift > 35 { throw error("integer representation too long", at: start) }
        } while byte & 0x80 != 0
        if shift < 64, byte & 0x40 != 0 { result |= -1 << shift }
        return result
    }

    package mutating func readCount(_ what: String) throws(ComponentError) -> Int {
        let start = position
        let count = Int(try readU32())
        // Every element takes at least one byte: a larger count is corrupt, and checking here
        // keeps a hostile count from reserving gigabytes.
        guard count <= remaining else {
            throw error("\(what) count \(count) exceeds the remaining \(remaining) bytes", at: start)
        }
        return count
    }

    package mutating func readName() throws(ComponentError) -> String {
        let start = position
        let length = Int(try readU32())
        let range = try readBytes(length)
        guard let name = String(validating: bytes[range], as: UTF8.self) else {
            throw error("name is not valid UTF-8", at: start)
        }
        return name
    }

    package mutating func expectEnd(_ what: String) throws(ComponentError) {
        guard position == end else {
            throw error("\(what) has \(end - position) unexpected trailing bytes")
        }
    }

    /// An unsigned LEB128 of up to 64 bits (DWARF's ULEB128). Redundant padding bytes (0x80 ...
    /// 0x00) are accepted, as DWARF producers pad to fixed widths; bits past 64 must be zero.
    package mutating func readULEB128() throws(ComponentError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            let payload = UInt64(byte & 0x7f)
            if shift < 64 {
                guard shift == 0 || payload >> (64 - shift) == 0 else {
                    throw error("integer too large for 64 bits", at: start)
                }
                result |= payload << shift
            } else if payload != 0 {
                throw error("integer too large for 64 bits", at: start)
            }
            if byte & 0x80 == 0 { return result }
            shift += 7
            // Ten bytes hold 64 bits; allow some padding, but never an endless run of 0x80.
            if shift >= 7 * 16 { throw error("integer representation too long", at: start) }
        }
    }

    /// A signed LEB128 of up to 64 bits (DWARF's SLEB128), sign-extended.
    package mutating func readSLEB128() throws(ComponentError) -> Int64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var byte: UInt8
        repeat {
            byte = try readByte()
            if shift < 64 { result |= UInt64(byte & 0x7f) << shift }
            shift += 7
            if shift >= 7 * 16 { throw error("integer representation too long", at: start) }
        } while byte & 0x80 != 0
        if shift < 64, byte & 0x40 != 0 { result |= UInt64.max << shift }
        return Int64(bitPattern: result)
    }
}
