/// Reads range lists (.debug_ranges, .debug_rnglists) and location lists (.debug_loc,
/// .debug_loclists) into absolute addresses. Lists are cached by unit and offset, and the
/// entries read in all are bounded, so that many DIEs sharing a long list cost it once.
struct ListReader {
    let sections: DWARFSections
    private var locationCache: [ListKey: [LocationListEntry]] = [:]
    private var entryBudget: Int

    private struct ListKey: Hashable {
        let unit: Int
        let offset: UInt64
    }

    init(sections: DWARFSections) {
        self.sections = sections
        let listBytes =
            sections.ranges.bytes.count + sections.rnglists.bytes.count + sections.loc.bytes.count
            + sections.loclists.bytes.count
        entryBudget = 4 * listBytes + 65_536
    }

    /// The code a DIE covers: DW_AT_ranges, or low_pc with high_pc (an address or a length).
    /// Ranges at tombstoned addresses (removed code) and empty ranges are left out.
    mutating func ranges(of entry: DebugInfoEntry, unit: UnitContext) throws(DWARFError) -> [Range<CodeOffset>] {
        if let value = entry[.ranges] { return Self.code(try rangeList(value, unit: unit)) }
        guard let low = try unit.address(entry[.lowPC]), !unit.isTombstone(low) else { return [] }
        let high: UInt64
        switch entry[.highPC] {
        case .address?, .addressIndex?: high = try unit.address(entry[.highPC]) ?? low
        case .unsigned(let length)?: high = low &+ length
        case .signed(let length)?: high = low &+ UInt64(bitPattern: length)
        default: return []
        }
        return high > low ? Self.code([low..<high]) : []
    }

    private mutating func rangeList(_ value: AttributeValue, unit: UnitContext) throws(DWARFError) -> [Range<UInt64>] {
        var ranges: [Range<UInt64>] = []
        func add(_ start: UInt64, _ end: UInt64) {
            if start < end && !unit.isTombstone(start) { ranges.append(start..<end) }
        }
        if unit.header.version < 5 {
            guard let offset = value.sectionOffsetValue else { return [] }
            var cursor = try sections.ranges.cursor(at: offset)
            var base = unit.baseAddress
            let size = unit.header.addressSize
            let selection = size >= 8 ? UInt64.max : (1 << UInt64(8 * size)) - 1
            while true {
                try spend(&cursor)
                let start = try cursor.fixed(size)
                let end = try cursor.fixed(size)
                if start == 0 && end == 0 { break }
                if start == selection {
                    base = end
                    continue
                }
                if unit.isTombstone(start) { continue }
                add((base &+ start) & selection, (base &+ end) & selection)
            }
            return ranges
        }
        var cursor = try sections.rnglists.cursor(
            at: try listOffset(value, base: unit.rnglistsBase, unit: unit, section: sections.rnglists))
        var base = unit.baseAddress
        while true {
            try spend(&cursor)
            switch try cursor.u8() {
            case 0x00: return ranges  // DW_RLE_end_of_list
            case 0x01: base = try indexed(try cursor.uleb(), unit)  // base_addressx
            case 0x02:  // startx_endx
                add(try indexed(try cursor.uleb(), unit), try indexed(try cursor.uleb(), unit))
            case 0x03:  // startx_length
                let start = try indexed(try cursor.uleb(), unit)
                add(start, start &+ (try cursor.uleb()))
            case 0x04:  // offset_pair
                let start = try cursor.uleb()
                let end = try cursor.uleb()
                if !unit.isTombstone(base) { add(base &+ start, base &+ end) }
            case 0x05: base = try cursor.fixed(unit.header.addressSize)  // base_address
            case 0x06:  // start_end
                add(try cursor.fixed(unit.header.addressSize), try cursor.fixed(unit.header.addressSize))
            case 0x07:  // start_length
                let start = try cursor.fixed(unit.header.addressSize)
                add(start, start &+ (try cursor.uleb()))
            case let kind:
                throw cursor.error(
                    "unknown range list entry kind 0x\(String(kind, radix: 16))", at: cursor.position - 1)
            }
        }
    }

    /// A DW_AT_location (or frame base) as a description: one expression, or a location list.
    mutating func location(_ value: AttributeValue?, unit: UnitContext) throws(DWARFError) -> LocationDescription {
        switch value {
        case nil:
            return .unavailable
        case .expression(let bytes)?, .block(let bytes)?:
            return .expression(LocationExpression(bytes: bytes, encoding: unit.encoding))
        case .some(let reference):
            let offset: UInt64
            if unit.header.version >= 5 {
                offset = try listOffset(reference, base: unit.loclistsBase, unit: unit, section: sections.loclists)
            } else {
                guard let direct = reference.sectionOffsetValue else { return .unavailable }
                offset = direct
            }
            let key = ListKey(unit: unit.index, offset: offset)
            if let cached = locationCache[key] { return .list(cached) }
            let entries =
                unit.header.version >= 5
                ? try locationList(at: offset, unit: unit) : try legacyLocationList(at: offset, unit: unit)
            locationCache[key] = entries
            return .list(entries)
        }
    }

    /// A DWARF 4 list of .debug_loc: address pairs relative to the base address, each with a
    /// two-byte expression length.
    private mutating func legacyLocationList(at offset: UInt64, unit: UnitContext) throws(DWARFError)
        -> [LocationListEntry]
    {
        var cursor = try sections.loc.cursor(at: offset)
        var entries: [LocationListEntry] = []
        var base = unit.baseAddress
        let size = unit.header.addressSize
        let selection = size >= 8 ? UInt64.max : (1 << UInt64(8 * size)) - 1
        while true {
            try spend(&cursor)
            let start = try cursor.fixed(size)
            let end = try cursor.fixed(size)
            if start == 0 && end == 0 { return entries }
            if start == selection {
                base = end
                continue
            }
            let expression = try cursor.bytes(try cursor.fixed(2))
            guard !unit.isTombstone(start),
                let range = Self.code((base &+ start) & selection, (base &+ end) & selection)
            else {
                continue
            }
            entries.append(
                LocationListEntry(
                    range: range, expression: LocationExpression(bytes: expression, encoding: unit.encoding)))
        }
    }

    /// A DWARF 5 list of .debug_loclists (DW_LLE_* entries).
    private mutating func locationList(at offset: UInt64, unit: UnitContext) throws(DWARFError) -> [LocationListEntry] {
        var cursor = try sections.loclists.cursor(at: offset)
        var entries: [LocationListEntry] = []
        var base = unit.baseAddress
        let size = unit.header.addressSize
        func add(_ start: UInt64?, _ end: UInt64, _ cursor: inout DWARFCursor) throws(DWARFError) {
            let bytes = try cursor.bytes(try cursor.uleb())
            let expression = LocationExpression(bytes: bytes, encoding: unit.encoding)
            guard let start else {
                entries.append(LocationListEntry(range: nil, expression: expression))
                return
            }
            guard !unit.isTombstone(start), let range = Self.code(start, end) else { return }
            entries.append(LocationListEntry(range: range, expression: expression))
        }
        while true {
            try spend(&cursor)
            switch try cursor.u8() {
            case 0x00: return entries  // DW_LLE_end_of_list
            case 0x01: base = try indexed(try cursor.uleb(), unit)  // base_addressx
            case 0x02:  // startx_endx
                let start = try indexed(try cursor.uleb(), unit)
                try add(start, try indexed(try cursor.uleb(), unit), &cursor)
            case 0x03:  // startx_length
                let start = try indexed(try cursor.uleb(), unit)
                try add(start, start &+ (try cursor.uleb()), &cursor)
            case 0x04:  // offset_pair
                let start = try cursor.uleb()
                let end = try cursor.uleb()
                try add(unit.isTombstone(base) ? base : base &+ start, base &+ end, &cursor)
            case 0x05: try add(nil, 0, &cursor)  // default_location
            case 0x06: base = try cursor.fixed(size)  // base_address
            case 0x07:  // start_end
                let start = try cursor.fixed(size)
                try add(start, try cursor.fixed(size), &cursor)
            case 0x08:  // start_length
                let start = try cursor.fixed(size)
                try add(start, start &+ (try cursor.uleb()), &cursor)
            case let kind:
                throw cursor.error(
                    "unknown location list entry kind 0x\(String(kind, radix: 16))", at: cursor.position - 1)
            }
        }
    }

    /// Where a DWARF 5 list starts: a section offset as is, or an index through the unit's
    /// offset table (DW_AT_rnglists_base / DW_AT_loclists_base).
    private func listOffset(_ value: AttributeValue, base: UInt64?, unit: UnitContext, section: DWARFSection)
        throws(DWARFError) -> UInt64
    {
        switch value {
        case .sectionOffset(let offset):
            return offset
        case .locationListIndex(let index), .rangeListIndex(let index):
            // Without a base, the first table's offsets follow its 12-byte (20 for 64-bit) header.
            let base = base ?? (unit.header.format == .dwarf32 ? 12 : 20)
            let size = UInt64(unit.header.format.offsetSize)
            let (scaled, overflow) = index.multipliedReportingOverflow(by: size)
            let (position, overflow2) = base.addingReportingOverflow(scaled)
            guard !overflow, !overflow2 else {
                throw DWARFError("list index \(index) is out of range", section: section.name)
            }
            var cursor = try section.cursor(at: position)
            let (offset, overflow3) = base.addingReportingOverflow(try cursor.fixed(Int(size)))
            guard !overflow3 else { throw DWARFError("list index \(index) is out of range", section: section.name) }
            return offset
        default:
            throw DWARFError(
                "a list attribute in an unexpected form", section: ".debug_info", offset: Int(unit.header.offset))
        }
    }

    private func indexed(_ index: UInt64, _ unit: UnitContext) throws(DWARFError) -> UInt64 {
        guard let addresses = unit.addresses else {
            throw DWARFError(
                "an address index without DW_AT_addr_base", section: ".debug_info", offset: Int(unit.header.offset))
        }
        return try addresses.address(at: index)
    }

    private mutating func spend(_ cursor: inout DWARFCursor) throws(DWARFError) {
        entryBudget -= 1
        guard entryBudget >= 0 else { throw cursor.error("more list entries than the sections' size allows") }
    }

    /// Code ranges: addresses past 4 GiB are not code offsets of a wasm module and are left out.
    private static func code(_ ranges: [Range<UInt64>]) -> [Range<CodeOffset>] {
        ranges.compactMap { code($0.lowerBound, $0.upperBound) }
    }

    private static func code(_ start: UInt64, _ end: UInt64) -> Range<CodeOffset>? {
        guard start < end, let low = UInt32(exactly: start) else { return nil }
        return CodeOffset(low)..<CodeOffset(UInt32(clamping: end))
    }
}
