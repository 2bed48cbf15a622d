/// One DWARF custom section's bytes (copied out of the module, so offsets are the section's own).
struct DWARFSection: Sendable {
    let name: String
    let bytes: [UInt8]

    init(name: String, bytes: [UInt8] = []) {
        self.name = name
        self.bytes = bytes
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// A cursor from `offset` to the end of the section (or to `end`).
    func cursor(at offset: UInt64, end: Int? = nil) throws(DWARFError) -> DWARFCursor {
        try DWARFCursor(self, at: offset, end: end)
    }
}
