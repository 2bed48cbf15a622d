/// A bounds-checked cursor over a component binary. Every read throws on truncation instead of
/// trapping, and errors carry the absolute file offset.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    var section: String?

    init(bytes: [UInt8], start: Int = 0, end: Int? = nil, section: String? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
        self.section = section
    }

    var isAtEnd: Bool { position >= end }
    var remaining: Int { end - position }

    func error(_ message: String, at offset: Int? = nil) -> ComponentError {
        ComponentError(message, offset: offset ?? position, section: section)
    }

    mutating func readByte() throws(ComponentError) -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        let byte = bytes[position]
        position += 1
        return byte
    }

    func peekByte() throws(ComponentError) -> UInt8 {
        guard position < end else { throw error("unexpected end of data") }
        return bytes[position]
    }

    mutating func readBytes(_ count: Int) throws(ComponentError) -> Range<Int> {
        guard count >= 0, count <= remaining else {
            throw error("length \(count) runs past the end of the data (\(remaining) bytes left)")
        }
        let range = position..<(position + count)
        position += count
        return range
    }

    mutating func readU32() throws(ComponentError) -> UInt32 {
        let start = position
        do {
            return UInt32(try LEB128.unsigned(bytes, at: &position, end: end, bits: 32))
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long or too large for u32",
                at: start)
        }
    }

    /// A signed LEB128 of at most 33 bits, as used for value types (negative codes vs. indices).
    mutating func readS33() throws(ComponentError) -> Int64 {
        let start = position
        do {
            return try LEB128.signed(bytes, at: &position, end: end, bits: 33)
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long for s33", at: start)
        }
    }

    mutating func readCount(_ what: String) throws(ComponentError) -> Int {
        let start = position
        let count = Int(try readU32())
        // Every element takes at least one byte: a larger count is corrupt, and checking here
        // keeps a hostile count from reserving gigabytes.
        guard count <= remaining else {
            throw error("\(what) count \(count) exceeds the remaining \(remaining) bytes", at: start)
        }
        return count
    }

    mutating func readName() throws(ComponentError) -> String {
        let start = position
        let length = Int(try readU32())
        let range = try readBytes(length)
        guard let name = String(validating: bytes[range], as: UTF8.self) else {
            throw error("name is not valid UTF-8", at: start)
        }
        return name
    }

    mutating func expectEnd(_ what: String) throws(ComponentError) {
        guard position == end else {
            throw error("\(what) has \(end - position) unexpected trailing bytes")
        }
    }
}
