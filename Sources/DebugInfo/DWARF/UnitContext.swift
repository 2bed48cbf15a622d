/// What resolving a unit's attributes needs: its header, its bases into the DWARF 5 sections,
/// its base address and its line table (for decl_file and call_file).
struct UnitContext: Sendable {
    let index: Int
    let header: UnitHeader
    let strings: StringResolver
    let addresses: AddressTable?
    let rnglistsBase: UInt64?
    let loclistsBase: UInt64?
    /// The unit's low_pc: what DWARF 4 range and location lists are relative to.
    var baseAddress: UInt64
    let compDir: String?
    var lineTable: LineTable?

    var encoding: ExpressionEncoding {
        ExpressionEncoding(
            version: header.version, addressSize: header.addressSize, format: header.format, unitOffset: header.offset,
            addresses: addresses)
    }

    func string(_ value: AttributeValue?) throws(DWARFError) -> String? {
        guard let value else { return nil }
        return try strings.string(value)
    }

    func address(_ value: AttributeValue?) throws(DWARFError) -> UInt64? {
        switch value {
        case .address(let address): return address
        case .addressIndex(let index):
            guard let addresses else {
                throw DWARFError(
                    "DW_FORM_addrx without DW_AT_addr_base", section: ".debug_info", offset: Int(header.offset))
            }
            return try addresses.address(at: index)
        default: return nil
        }
    }

    /// The path of file `index` of the unit's line table (decl_file, call_file).
    func file(_ value: AttributeValue?) -> String? {
        guard let index = value?.unsignedValue else { return nil }
        return lineTable?.file(index)?.path
    }

    /// Whether an address is one the linker wrote for removed code: -1, or -2 where -1 has a
    /// meaning (wasm-ld writes -2 in .debug_ranges and .debug_loc).
    func isTombstone(_ address: UInt64) -> Bool {
        let maximum = header.addressSize >= 8 ? UInt64.max : (1 << UInt64(8 * header.addressSize)) - 1
        return address >= maximum - 1
    }
}
