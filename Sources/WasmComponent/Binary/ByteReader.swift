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
        do {
            return UInt32(try LEB128.unsigned(bytes, at: &position, end: end, bits: 32))
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long or too large for u32",
                at: start)
        }
    }

    /// A signed LEB128 of at most 33 bits, as used for value types (negative codes vs. indices).
    package mutating func readS33() throws(ComponentError) -> Int64 {
        let start = position
        do {
            return try LEB128.signed(bytes, at: &position, end: end, bits: 33)
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long for s33", at: start)
        }
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
        let decoded = bytes.withUnsafeBufferPointer { String(validUTF8: UnsafeBufferPointer(rebasing: $0[range])) }
        guard let name = decoded else {
            throw error("name is not valid UTF-8", at: start)
        }
        return name
    }

    package mutating func expectEnd(_ what: String) throws(ComponentError) {
        guard position == end else {
            throw error("\(what) has \(end - position) unexpected trailing bytes")
        }
    }

    /// An unsigned LEB128 of up to 64 bits as DWARF writes them (padding allowed).
    package mutating func readULEB128() throws(ComponentError) -> UInt64 {
        let start = position
        do {
            return try LEB128.paddedUnsigned(bytes, at: &position, end: end)
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long or too large",
                at: start)
        }
    }

    /// A signed LEB128 of up to 64 bits as DWARF writes them (padding allowed), sign-extended.
    package mutating func readSLEB128() throws(ComponentError) -> Int64 {
        let start = position
        do {
            return try LEB128.paddedSigned(bytes, at: &position, end: end)
        } catch {
            throw self.error(
                error == .truncated ? "unexpected end of data" : "integer representation too long", at: start)
        }
    }
}
