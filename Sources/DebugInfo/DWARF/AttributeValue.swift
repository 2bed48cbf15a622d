/// An attribute's value as encoded, before anything is resolved through other sections
/// (strings through .debug_str, indices through .debug_addr, ...).
enum AttributeValue: Sendable {
    /// DW_FORM_addr.
    case address(UInt64)
    /// DW_FORM_addrx*: an index into the unit's .debug_addr entries.
    case addressIndex(UInt64)
    /// DW_FORM_data1/2/4/8, udata: a constant (or, in DWARF 2 and 3, a section offset).
    case unsigned(UInt64)
    /// DW_FORM_sdata, implicit_const.
    case signed(Int64)
    /// DW_FORM_block*, data16: bytes.
    case block([UInt8])
    /// DW_FORM_exprloc: a DWARF expression.
    case expression([UInt8])
    case flag(Bool)
    /// DW_FORM_string.
    case string(String)
    /// DW_FORM_strp: an offset into .debug_str.
    case stringOffset(UInt64)
    /// DW_FORM_line_strp: an offset into .debug_line_str.
    case lineStringOffset(UInt64)
    /// DW_FORM_strx*: an index into the unit's .debug_str_offsets entries.
    case stringIndex(UInt64)
    /// DW_FORM_ref*, ref_addr: the referenced DIE's offset in .debug_info (made absolute).
    case reference(UInt64)
    /// DW_FORM_sec_offset: an offset into another section (line program, lists).
    case sectionOffset(UInt64)
    /// DW_FORM_loclistx.
    case locationListIndex(UInt64)
    /// DW_FORM_rnglistx.
    case rangeListIndex(UInt64)
    /// A form this reader skips but does not interpret (ref_sig8, supplementary-file forms).
    case unsupported(DWARFForm)

    /// The value as an unsigned constant, if it is one.
    var unsignedValue: UInt64? {
        switch self {
        case .unsigned(let value): value
        case .signed(let value): UInt64(bitPattern: value)
        default: nil
        }
    }

    /// The value as a signed constant (data forms are taken as two's complement of their width
    /// only by the caller that knows the type; here as 64-bit).
    var signedValue: Int64? {
        switch self {
        case .unsigned(let value): Int64(bitPattern: value)
        case .signed(let value): value
        default: nil
        }
    }
}

extension AttributeValue {
    /// The value as an offset into another section: sec_offset, or DWARF 2/3's data4/data8.
    var sectionOffsetValue: UInt64? {
        switch self {
        case .sectionOffset(let offset), .unsigned(let offset): offset
        default: nil
        }
    }
}

extension AttributeValue {
    /// Whether the value is a constant (not a reference or expression, as DWARF allows for
    /// variable-length array bounds).
    var isConstant: Bool {
        switch self {
        case .unsigned, .signed: true
        default: false
        }
    }
}
