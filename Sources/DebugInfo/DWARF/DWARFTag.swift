/// A DIE's tag (DW_TAG_*): the ones this reader interprets; others are kept by number.
struct DWARFTag: RawRepresentable, Hashable, Sendable {
    let rawValue: UInt64

    static let arrayType = DWARFTag(rawValue: 0x01)
    static let classType = DWARFTag(rawValue: 0x02)
    static let enumerationType = DWARFTag(rawValue: 0x04)
    static let formalParameter = DWARFTag(rawValue: 0x05)
    static let lexicalBlock = DWARFTag(rawValue: 0x0b)
    static let member = DWARFTag(rawValue: 0x0d)
    static let pointerType = DWARFTag(rawValue: 0x0f)
    static let referenceType = DWARFTag(rawValue: 0x10)
    static let compileUnit = DWARFTag(rawValue: 0x11)
    static let structureType = DWARFTag(rawValue: 0x13)
    static let subroutineType = DWARFTag(rawValue: 0x15)
    static let typedef = DWARFTag(rawValue: 0x16)
    static let unionType = DWARFTag(rawValue: 0x17)
    static let unspecifiedParameters = DWARFTag(rawValue: 0x18)
    static let inlinedSubroutine = DWARFTag(rawValue: 0x1d)
    static let subrangeType = DWARFTag(rawValue: 0x21)
    static let baseType = DWARFTag(rawValue: 0x24)
    static let constType = DWARFTag(rawValue: 0x26)
    static let enumerator = DWARFTag(rawValue: 0x28)
    static let subprogram = DWARFTag(rawValue: 0x2e)
    static let variable = DWARFTag(rawValue: 0x34)
    static let volatileType = DWARFTag(rawValue: 0x35)
    static let restrictType = DWARFTag(rawValue: 0x37)
    static let unspecifiedType = DWARFTag(rawValue: 0x3b)
    static let namespace = DWARFTag(rawValue: 0x39)
    static let partialUnit = DWARFTag(rawValue: 0x3c)
    static let rvalueReferenceType = DWARFTag(rawValue: 0x42)
    static let atomicType = DWARFTag(rawValue: 0x47)

    /// Tags whose DIEs describe a type.
    var isType: Bool {
        switch self {
        case .arrayType, .classType, .enumerationType, .pointerType, .referenceType, .structureType,
            .subroutineType, .typedef, .unionType, .baseType, .constType, .volatileType, .restrictType,
            .unspecifiedType, .rvalueReferenceType, .atomicType:
            true
        default:
            false
        }
    }
}
