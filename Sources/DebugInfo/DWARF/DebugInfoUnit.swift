/// One unit of .debug_info: its header and its DIEs in order (a tree flattened depth first).
struct DebugInfoUnit: Sendable {
    /// DIEs nested deeper than this are not C a compiler emits: refuse rather than recurse.
    static let maximumDepth = 200

    let header: UnitHeader
    let entries: [DebugInfoEntry]

    /// Reads the unit at the cursor and moves the cursor past it. `attributeBudget` bounds the
    /// attributes kept over all units: zero-size forms (flag_present, implicit_const) could
    /// otherwise make a small hostile section expand into gigabytes.
    init(
        _ cursor: inout DWARFCursor, sections: DWARFSections, abbreviations: inout [UInt64: AbbreviationTable],
        attributeBudget: inout Int
    ) throws(DWARFError) {
        let header = try UnitHeader(&cursor)
        self.header = header
        let table: AbbreviationTable
        if let cached = abbreviations[header.abbreviationOffset] {
            table = cached
        } else {
            table = try AbbreviationTable(sections.abbrev, at: header.abbreviationOffset)
            abbreviations[header.abbreviationOffset] = table
        }
        var unit = try cursor.moved(to: header.firstEntry).limited(to: UInt64(header.end - header.firstEntry))
        var entries: [DebugInfoEntry] = []
        var open: [Int] = []
        while !unit.isAtEnd {
            let offset = unit.position
            let code = try unit.uleb()
            if code == 0 {
                // A null entry ends the children of the innermost open DIE (or is padding).
                if let parent = open.popLast() { entries[parent].subtreeEnd = entries.count }
                if open.isEmpty && !entries.isEmpty { break }
                continue
            }
            guard let abbreviation = table[code] else {
                throw unit.error("no abbreviation with code \(code)", at: offset)
            }
            guard open.count < Self.maximumDepth else {
                throw unit.error("DIEs nested more than \(Self.maximumDepth) deep", at: offset)
            }
            attributeBudget -= abbreviation.specifications.count
            guard attributeBudget >= 0 else {
                throw unit.error("more attributes than a section of this size can hold", at: offset)
            }
            var attributes: [DebugInfoEntry.Attribute] = []
            attributes.reserveCapacity(abbreviation.specifications.count)
            for specification in abbreviation.specifications {
                let value = try Self.readValue(
                    specification.form, implicitConstant: specification.implicitConstant, &unit, header: header)
                attributes.append(.init(name: specification.attribute, value: value))
            }
            entries.append(
                DebugInfoEntry(
                    offset: UInt64(offset), tag: abbreviation.tag, attributes: attributes, parent: open.last,
                    subtreeEnd: entries.count + 1))
            if abbreviation.hasChildren { open.append(entries.count - 1) }
            // Only the unit DIE lives at the top level: once its children are closed, the rest is padding.
            if open.isEmpty { break }
        }
        for parent in open { entries[parent].subtreeEnd = entries.count }
        self.entries = entries
        cursor = try cursor.moved(to: header.end)
    }

    /// The unit DIE (compile unit, partial unit, ...).
    var root: DebugInfoEntry? { entries.first }

    /// Indices of the children of the DIE at `index`.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < entries[index].subtreeEnd {
            result.append(child)
            child = entries[child].subtreeEnd
        }
        return result
    }

    private static func readValue(
        _ form: DWARFForm, implicitConstant: Int64?, _ cursor: inout DWARFCursor, header: UnitHeader,
        indirect: Bool = false
    ) throws(DWARFError) -> AttributeValue {
        switch form {
        case .addr: return .address(try cursor.fixed(header.addressSize))
        case .addrx: return .addressIndex(try cursor.uleb())
        case .addrx1: return .addressIndex(try cursor.fixed(1))
        case .addrx2: return .addressIndex(try cursor.fixed(2))
        case .addrx3: return .addressIndex(try cursor.fixed(3))
        case .addrx4: return .addressIndex(try cursor.fixed(4))
        case .data1: return .unsigned(try cursor.fixed(1))
        case .data2: return .unsigned(try cursor.fixed(2))
        case .data4: return .unsigned(try cursor.fixed(4))
        case .data8: return .unsigned(try cursor.fixed(8))
        case .data16: return .block(try cursor.bytes(16))
        case .udata: return .unsigned(try cursor.uleb())
        case .sdata: return .signed(try cursor.sleb())
        case .implicitConst: return .signed(implicitConstant ?? 0)
        case .block1: return .block(try cursor.bytes(try cursor.fixed(1)))
        case .block2: return .block(try cursor.bytes(try cursor.fixed(2)))
        case .block4: return .block(try cursor.bytes(try cursor.fixed(4)))
        case .block: return .block(try cursor.bytes(try cursor.uleb()))
        case .exprloc: return .expression(try cursor.bytes(try cursor.uleb()))
        case .flag: return .flag(try cursor.u8() != 0)
        case .flagPresent: return .flag(true)
        case .string: return .string(try cursor.cString())
        case .strp: return .stringOffset(try cursor.offset(header.format))
        case .lineStrp: return .lineStringOffset(try cursor.offset(header.format))
        case .strx: return .stringIndex(try cursor.uleb())
        case .strx1: return .stringIndex(try cursor.fixed(1))
        case .strx2: return .stringIndex(try cursor.fixed(2))
        case .strx3: return .stringIndex(try cursor.fixed(3))
        case .strx4: return .stringIndex(try cursor.fixed(4))
        case .ref1: return .reference(header.offset &+ (try cursor.fixed(1)))
        case .ref2: return .reference(header.offset &+ (try cursor.fixed(2)))
        case .ref4: return .reference(header.offset &+ (try cursor.fixed(4)))
        case .ref8: return .reference(header.offset &+ (try cursor.fixed(8)))
        case .refUdata: return .reference(header.offset &+ (try cursor.uleb()))
        case .refAddr:
            // DWARF 2 wrote ref_addr with the address size; later versions with the offset size.
            return .reference(try cursor.fixed(header.version <= 2 ? header.addressSize : header.format.offsetSize))
        case .secOffset: return .sectionOffset(try cursor.offset(header.format))
        case .loclistx: return .locationListIndex(try cursor.uleb())
        case .rnglistx: return .rangeListIndex(try cursor.uleb())
        case .refSig8:
            try cursor.skip(8)
            return .unsupported(form)
        case .refSup4:
            try cursor.skip(4)
            return .unsupported(form)
        case .refSup8:
            try cursor.skip(8)
            return .unsupported(form)
        case .strpSup:
            _ = try cursor.offset(header.format)
            return .unsupported(form)
        case .indirect:
            let start = cursor.position
            guard !indirect else { throw cursor.error("DW_FORM_indirect names DW_FORM_indirect", at: start) }
            let actual = DWARFForm(rawValue: try cursor.uleb())
            let constant = actual == .implicitConst ? try cursor.sleb() : nil
            return try readValue(actual, implicitConstant: constant, &cursor, header: header, indirect: true)
        default:
            throw cursor.error("unknown attribute form 0x\(String(form.rawValue, radix: 16)); cannot read past it")
        }
    }
}
