/// A unit's entries of .debug_addr (DWARF 5): what DW_FORM_addrx and DW_OP_addrx index.
struct AddressTable: Sendable {
    let section: DWARFSection
    /// DW_AT_addr_base: the first entry (just past the table's header).
    let base: UInt64
    let addressSize: Int

    func address(at index: UInt64) throws(DWARFError) -> UInt64 {
        let (scaled, overflow) = index.multipliedReportingOverflow(by: UInt64(addressSize))
        let (offset, overflow2) = base.addingReportingOverflow(scaled)
        guard !overflow, !overflow2 else {
            throw DWARFError("address index \(index) is out of range", section: section.name)
        }
        var cursor = try section.cursor(at: offset)
        return try cursor.fixed(addressSize)
    }
}
