/// A unit's header in .debug_info (DWARF 2 to 5).
struct UnitHeader: Sendable {
    /// DW_UT_* (DWARF 5); DWARF 2 to 4 units are compile units.
    static let compileUnitType: UInt8 = 0x01

    /// Where the unit starts in .debug_info (its unit_length field).
    let offset: UInt64
    /// The offset just past the unit.
    let end: Int
    let format: DWARFFormat
    let version: UInt16
    let unitType: UInt8
    let addressSize: Int
    let abbreviationOffset: UInt64
    /// Where the first DIE starts.
    let firstEntry: Int

    init(_ cursor: inout DWARFCursor) throws(DWARFError) {
        let start = cursor.position
        offset = UInt64(start)
        let (length, format) = try cursor.unitLength()
        self.format = format
        guard length <= UInt64(cursor.remaining) else {
            throw cursor.error("unit length \(length) runs past the end of the section", at: start)
        }
        end = cursor.position + Int(length)
        version = try cursor.u16()
        guard (2...5).contains(version) else { throw cursor.error("unsupported DWARF version \(version)", at: start) }
        if version >= 5 {
            unitType = try cursor.u8()
            addressSize = Int(try cursor.u8())
            abbreviationOffset = try cursor.offset(format)
            switch unitType {
            case 0x01, 0x03:  // compile, partial
                break
            case 0x04, 0x05:  // skeleton, split_compile: a dwo_id follows
                try cursor.skip(8)
            case 0x02, 0x06:  // type, split_type: a type signature and type offset follow
                try cursor.skip(8)
                _ = try cursor.offset(format)
            default:
                throw cursor.error("unknown unit type 0x\(String(unitType, radix: 16))", at: start)
            }
        } else {
            unitType = Self.compileUnitType
            abbreviationOffset = try cursor.offset(format)
            addressSize = Int(try cursor.u8())
        }
        guard [2, 4, 8].contains(addressSize) else {
            throw cursor.error("unsupported address size \(addressSize)", at: start)
        }
        guard cursor.position <= end else { throw cursor.error("unit header runs past the unit's end", at: start) }
        firstEntry = cursor.position
    }
}
