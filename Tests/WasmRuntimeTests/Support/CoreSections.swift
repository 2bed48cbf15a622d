import WasmComponent

/// The sections of a core module (or of a name section's subsections), walked by their sizes:
/// for tests that look at what the instrumenter wrote or edit a fixture in place.
struct CoreSection {
    let id: UInt8
    /// Where the id byte is.
    let start: Int
    /// How many bytes the size takes (LEB128 may be padded).
    let sizeLength: Int
    let content: Range<Int>

    /// The sections from `start` to the end of `bytes` (8 skips a module's header).
    static func all(in bytes: [UInt8], from start: Int = 8, to end: Int? = nil) throws -> [CoreSection] {
        let end = end ?? bytes.count
        var sections: [CoreSection] = []
        var position = start
        while position < end {
            let sectionStart = position
            let id = bytes[position]
            position += 1
            let sizeStart = position
            let size = Int(try LEB128.unsigned(bytes, at: &position, end: end, bits: 32))
            guard size <= end - position else { throw FixtureError("section \(id) runs past the end") }
            sections.append(
                CoreSection(
                    id: id, start: sectionStart, sizeLength: position - sizeStart, content: position..<position + size))
            position += size
        }
        return sections
    }

    /// The function-names subsection (id 1) of the first `name` section of `bytes`: where its
    /// id byte is.
    static func functionNamesSubsection(in bytes: [UInt8]) throws -> Int {
        let marker = Array("\u{4}name".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else {
            throw FixtureError("no name section")
        }
        // Subsections in order: the module name (0) comes first, if there is one.
        var position = start + marker.count
        while position < bytes.count, bytes[position] != 0x01 {
            position += 1
            position += Int(try LEB128.unsigned(bytes, at: &position, end: bytes.count, bits: 32))
        }
        guard position < bytes.count else { throw FixtureError("no function-names subsection") }
        return position
    }
}
