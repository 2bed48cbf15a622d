/// What decoding a DWARF expression depends on: its unit's version, address and offset sizes,
/// where the unit starts (DW_OP_convert names base types by unit offset), and .debug_addr.
struct ExpressionEncoding: Sendable {
    let version: UInt16
    let addressSize: Int
    let format: DWARFFormat
    let unitOffset: UInt64
    let addresses: AddressTable?
}
