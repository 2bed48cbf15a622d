/// The abbreviation declarations of one unit, read from `.debug_abbrev` at the unit's offset.
struct AbbreviationTable: Sendable {
    /// More attributes than this on one DIE is not DWARF a compiler writes (there are ~100 names).
    static let maximumSpecifications = 256

    private var byCode: [UInt64: Abbreviation] = [:]
    /// Codes 1...n in order are the common case: kept in an array for speed.
    private var sequential: [Abbreviation] = []

    init(_ section: DWARFSection, at offset: UInt64) throws(DWARFError) {
        var cursor = try section.cursor(at: offset)
        while true {
            let start = cursor.position
            let code = try cursor.uleb()
            if code == 0 { break }
            let tag = DWARFTag(rawValue: try cursor.uleb())
            let children = try cursor.u8()
            guard children <= 1 else { throw cursor.error("DW_CHILDREN value \(children) is neither 0 nor 1") }
            var specifications: [Abbreviation.Specification] = []
            while true {
                let name = try cursor.uleb()
                let form = try cursor.uleb()
                if name == 0 && form == 0 { break }
                guard specifications.count < Self.maximumSpecifications else {
                    throw cursor.error(
                        "abbreviation \(code) has more than \(Self.maximumSpecifications) attributes", at: start)
                }
                let implicit = form == DWARFForm.implicitConst.rawValue ? try cursor.sleb() : nil
                specifications.append(
                    .init(
                        attribute: DWARFAttribute(rawValue: name), form: DWARFForm(rawValue: form),
                        implicitConstant: implicit))
            }
            let abbreviation = Abbreviation(
                code: code, tag: tag, hasChildren: children == 1, specifications: specifications)
            guard byCode[code] == nil else {
                throw cursor.error("abbreviation code \(code) is declared twice", at: start)
            }
            if sequential.count == byCode.count && UInt64(sequential.count) + 1 == code {
                sequential.append(abbreviation)
            }
            byCode[code] = abbreviation
        }
    }

    subscript(code: UInt64) -> Abbreviation? {
        if code >= 1 && code <= UInt64(sequential.count) { return sequential[Int(code - 1)] }
        return byCode[code]
    }
}
