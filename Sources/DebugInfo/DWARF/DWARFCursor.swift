import WasmComponent

/// A bounds-checked cursor over one DWARF section: fixed-width little-endian integers, LEB128
/// (through WasmComponent's `ByteReader`), offsets of the unit's format, C strings. Every read
/// past the end throws a `DWARFError` naming the section and offset.
struct DWARFCursor {
    private var reader: ByteReader
    let section: String

    init(_ section: DWARFSection, at offset: UInt64, end: Int? = nil) throws(DWARFError) {
        let limit = min(end ?? section.bytes.count, section.bytes.count)
        guard offset <= UInt64(limit) else {
            throw DWARFError(
                "offset 0x\(String(offset, radix: 16)) is past the end of the section (\(limit) bytes)",
                section: section.name)
        }
        self.reader = ByteReader(bytes: section.bytes, start: Int(offset), end: limit)
        self.section = section.name
    }

    var position: Int { reader.position }
    var end: Int { reader.end }
    var isAtEnd: Bool { reader.isAtEnd }
    var remaining: Int { reader.remaining }

    func error(_ message: String, at offset: Int? = nil) -> DWARFError {
        DWARFError(message, section: section, offset: offset ?? position)
    }

    private func wrap(_ error: ComponentError) -> DWARFError {
        DWARFError(error.message, section: section, offset: error.offset)
    }

    /// A cursor over the next `count` bytes, which must lie inside this one.
    func limited(to count: UInt64) throws(DWARFError) -> DWARFCursor {
        guard count <= UInt64(remaining) else {
            throw error("length \(count) runs past the end of the data (\(remaining) bytes left)")
        }
        var copy = self
        copy.reader = ByteReader(bytes: reader.bytes, start: position, end: position + Int(count))
        return copy
    }

    /// This cursor moved to `offset` (which must lie inside it).
    func moved(to offset: Int) throws(DWARFError) -> DWARFCursor {
        guard offset >= 0, offset <= end else { throw error("offset 0x\(String(offset, radix: 16)) is out of range") }
        var copy = self
        copy.reader = ByteReader(bytes: reader.bytes, start: offset, end: end)
        return copy
    }

    mutating func u8() throws(DWARFError) -> UInt8 {
        do throws(ComponentError) { return try reader.readByte() } catch { throw wrap(error) }
    }

    /// A little-endian unsigned integer of `size` bytes (1 to 8).
    mutating func fixed(_ size: Int) throws(DWARFError) -> UInt64 {
        guard (1...8).contains(size) else { throw error("unsupported integer size \(size)") }
        let range: Range<Int>
        do throws(ComponentError) { range = try reader.readBytes(size) } catch { throw wrap(error) }
        var value: UInt64 = 0
        for index in range.reversed() { value = value << 8 | UInt64(reader.bytes[index]) }
        return value
    }

    mutating func u16() throws(DWARFError) -> UInt16 { UInt16(try fixed(2)) }
    mutating func u32() throws(DWARFError) -> UInt32 { UInt32(try fixed(4)) }
    mutating func u64() throws(DWARFError) -> UInt64 { try fixed(8) }

    mutating func uleb() throws(DWARFError) -> UInt64 {
        do throws(ComponentError) { return try reader.readULEB128() } catch { throw wrap(error) }
    }

    mutating func sleb() throws(DWARFError) -> Int64 {
        do throws(ComponentError) { return try reader.readSLEB128() } catch { throw wrap(error) }
    }

    /// A count or index read as ULEB128 that must fit in an `Int` and be at most `limit`.
    mutating func ulebCount(_ what: String, limit: Int) throws(DWARFError) -> Int {
        let start = position
        let value = try uleb()
        guard value <= UInt64(limit) else { throw error("\(what) \(value) is larger than \(limit)", at: start) }
        return Int(value)
    }

    mutating func bytes(_ count: UInt64) throws(DWARFError) -> [UInt8] {
        guard count <= UInt64(remaining) else {
            throw error("length \(count) runs past the end of the data (\(remaining) bytes left)")
        }
        do throws(ComponentError) { return Array(reader.bytes[try reader.readBytes(Int(count))]) } catch {
            throw wrap(error)
        }
    }

    mutating func skip(_ count: UInt64) throws(DWARFError) {
        guard count <= UInt64(remaining) else {
            throw error("length \(count) runs past the end of the data (\(remaining) bytes left)")
        }
        do throws(ComponentError) { _ = try reader.readBytes(Int(count)) } catch { throw wrap(error) }
    }

    /// A NUL-terminated string (invalid UTF-8 is replaced, names are for display).
    mutating func cString() throws(DWARFError) -> String {
        let start = position
        guard let terminator = reader.bytes[start..<end].firstIndex(of: 0) else {
            throw error("string runs past the end of the section")
        }
        let text = String(decoding: reader.bytes[start..<terminator], as: UTF8.self)
        try skip(UInt64(terminator - start + 1))
        return text
    }

    /// A section offset in the unit's format: 4 bytes for 32-bit DWARF, 8 for 64-bit.
    mutating func offset(_ format: DWARFFormat) throws(DWARFError) -> UInt64 {
        try fixed(format.offsetSize)
    }

    /// A unit's initial length: how many bytes follow, and whether the unit is 64-bit DWARF.
    mutating func unitLength() throws(DWARFError) -> (length: UInt64, format: DWARFFormat) {
        let start = position
        let first = UInt64(try u32())
        if first == 0xffff_ffff { return (try u64(), .dwarf64) }
        guard first < 0xffff_fff0 else {
            throw error("reserved unit length 0x\(String(first, radix: 16))", at: start)
        }
        return (first, .dwarf32)
    }
}
