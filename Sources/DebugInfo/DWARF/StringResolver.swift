/// Resolves string attributes of a unit: inline, .debug_str, .debug_line_str, and DWARF 5's
/// indices through .debug_str_offsets.
struct StringResolver: Sendable {
    let sections: DWARFSections
    /// DW_AT_str_offsets_base; when absent, the first table's entries (just past its header).
    let strOffsetsBase: UInt64?
    let format: DWARFFormat

    func string(_ value: AttributeValue) throws(DWARFError) -> String? {
        switch value {
        case .string(let text):
            return text
        case .stringOffset(let offset):
            var cursor = try sections.str.cursor(at: offset)
            return try cursor.cString()
        case .lineStringOffset(let offset):
            var cursor = try sections.lineStr.cursor(at: offset)
            return try cursor.cString()
        case .stringIndex(let index):
            let size = UInt64(format.offsetSize)
            let base = strOffsetsBase ?? (format == .dwarf32 ? 8 : 16)
            let (scaled, overflow) = index.multipliedReportingOverflow(by: size)
            let (position, overflow2) = base.addingReportingOverflow(scaled)
            guard !overflow, !overflow2 else {
                throw DWARFError("string index \(index) is out of range", section: sections.strOffsets.name)
            }
            var offsets = try sections.strOffsets.cursor(at: position)
            var cursor = try sections.str.cursor(at: try offsets.fixed(Int(size)))
            return try cursor.cString()
        default:
            return nil
        }
    }
}
