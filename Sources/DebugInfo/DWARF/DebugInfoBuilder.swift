/// Turns the DIEs of every unit into the model: compilation units, line tables, types,
/// functions with their scopes and variables, and globals.
struct DebugInfoBuilder {
    /// abstract_origin / specification chains longer than this are cut (a hostile file can
    /// make them cyclic).
    static let maximumOriginChain = 8

    private let sections: DWARFSections
    private var lists: ListReader
    private(set) var units: [CompilationUnit] = []
    private(set) var lineTables: [LineTable] = []
    private(set) var types: [DebugTypeID: DebugType] = [:]
    private(set) var functions: [DebugFunction] = []
    private(set) var globals: [DebugVariable] = []
    private var parsed: [DebugInfoUnit] = []
    private var contexts: [UnitContext] = []
    /// Every DIE by its offset: (unit, index in the unit's entries).
    private var entriesByOffset: [UInt64: (unit: Int, index: Int)] = [:]

    init(sections: DWARFSections) throws(DWARFError) {
        self.sections = sections
        self.lists = ListReader(sections: sections)
        var cursor = try sections.info.cursor(at: 0)
        var abbreviations: [UInt64: AbbreviationTable] = [:]
        var budget = 2 * sections.info.bytes.count + 4_096
        while !cursor.isAtEnd {
            parsed.append(
                try DebugInfoUnit(&cursor, sections: sections, abbreviations: &abbreviations, attributeBudget: &budget))
        }
        for (unitIndex, unit) in parsed.enumerated() {
            for (index, entry) in unit.entries.enumerated() { entriesByOffset[entry.offset] = (unitIndex, index) }
        }
        var tablesByOffset: [UInt64: Int] = [:]
        for (unitIndex, unit) in parsed.enumerated() {
            contexts.append(try context(for: unit, index: unitIndex, tablesByOffset: &tablesByOffset))
        }
        if parsed.isEmpty { try readLineTablesWithoutUnits() }
        for unitIndex in parsed.indices {
            try collectTypes(unitIndex)
            try collectCode(unitIndex)
        }
    }

    // MARK: - Units

    private mutating func context(for unit: DebugInfoUnit, index: Int, tablesByOffset: inout [UInt64: Int])
        throws(DWARFError) -> UnitContext
    {
        let header = unit.header
        let root = unit.root
        let strOffsetsBase = root?[.strOffsetsBase]?.sectionOffsetValue
        let strings = StringResolver(sections: sections, strOffsetsBase: strOffsetsBase, format: header.format)
        let addresses = root?[.addrBase]?.sectionOffsetValue.map {
            AddressTable(section: sections.addr, base: $0, addressSize: header.addressSize)
        }
        var compDir: String?
        if let value = root?[.compDir] { compDir = try strings.string(value) }
        var context = UnitContext(
            index: index, header: header, strings: strings, addresses: addresses,
            rnglistsBase: root?[.rnglistsBase]?.sectionOffsetValue,
            loclistsBase: root?[.loclistsBase]?.sectionOffsetValue,
            baseAddress: 0, compDir: compDir, lineTable: nil)
        // Set once the context can resolve it: the base address may itself be an address index.
        context.baseAddress = try context.address(root?[.lowPC]) ?? 0
        if let offset = root?[.stmtList]?.sectionOffsetValue {
            if let known = tablesByOffset[offset] {
                context.lineTable = lineTables[known]
            } else {
                let table = try LineProgramParser(sections: sections, compDir: compDir, strings: strings).parse(
                    at: offset)
                tablesByOffset[offset] = lineTables.count
                lineTables.append(table)
                context.lineTable = table
            }
        }
        let ranges: [Range<CodeOffset>]
        if let root {
            ranges = try lists.ranges(of: root, unit: context)
        } else {
            ranges = []
        }
        units.append(
            CompilationUnit(
                offset: header.offset, version: Int(header.version), name: try context.string(root?[.name]),
                compDir: context.compDir, producer: try context.string(root?[.producer]),
                language: root?[.language]?.unsignedValue.map(SourceLanguage.init(code:)), ranges: ranges))
        return context
    }

    /// Line tables in a module with .debug_line but no .debug_info: every program in order.
    private mutating func readLineTablesWithoutUnits() throws(DWARFError) {
        var offset: UInt64 = 0
        let parser = LineProgramParser(sections: sections, compDir: nil, strings: nil)
        while offset < UInt64(sections.line.bytes.count) {
            lineTables.append(try parser.parse(at: offset))
            var cursor = try sections.line.cursor(at: offset)
            let (length, _) = try cursor.unitLength()
            offset = UInt64(cursor.position) &+ length
        }
    }

    // MARK: - Attributes through abstract origins

    /// The DIE an entry's attribute comes from: the entry, else its abstract origin or
    /// specification (an inlined or out-of-line instance names its function through them).
    private func find(_ name: DWARFAttribute, unit: Int, index: Int) -> (value: AttributeValue, unit: Int)? {
        var current = (unit: unit, index: index)
        for _ in 0..<Self.maximumOriginChain {
            let entry = parsed[current.unit].entries[current.index]
            if let value = entry[name] { return (value, current.unit) }
            guard case .reference(let target)? = entry[.abstractOrigin] ?? entry[.specification],
                let next = entriesByOffset[target]
            else { return nil }
            current = next
        }
        return nil
    }

    private func string(_ name: DWARFAttribute, unit: Int, index: Int) throws(DWARFError) -> String? {
        guard let (value, owner) = find(name, unit: unit, index: index) else { return nil }
        return try contexts[owner].string(value)
    }

    private func file(_ name: DWARFAttribute, unit: Int, index: Int) -> String? {
        guard let (value, owner) = find(name, unit: unit, index: index) else { return nil }
        return contexts[owner].file(value)
    }

    private func integer(_ name: DWARFAttribute, unit: Int, index: Int) -> Int? {
        find(name, unit: unit, index: index)?.value.unsignedValue.map { Int(clamping: $0) }
    }

    private func typeReference(unit: Int, index: Int) -> DebugTypeID? {
        guard case .reference(let offset)? = find(.type, unit: unit, index: index)?.value else { return nil }
        return DebugTypeID(offset: offset)
    }

    private func directType(_ entry: DebugInfoEntry) -> DebugTypeID? {
        guard case .reference(let offset)? = entry[.type] else { return nil }
        return DebugTypeID(offset: offset)
    }

    // MARK: - Types

    private mutating func collectTypes(_ unitIndex: Int) throws(DWARFError) {
        let unit = parsed[unitIndex]
        let context = contexts[unitIndex]
        for (index, entry) in unit.entries.enumerated() where entry.tag.isType {
            let id = DebugTypeID(offset: entry.offset)
            let name = try context.string(entry[.name])
            let size = entry[.byteSize]?.unsignedValue.flatMap { Int(exactly: $0) }
            let kind: DebugType.Kind
            switch entry.tag {
            case .baseType:
                let encoding = BaseTypeEncoding(rawValue: entry[.encoding]?.unsignedValue ?? 0)
                kind = .base(name: name ?? "<unnamed>", encoding: encoding, byteSize: size ?? 0)
            case .pointerType:
                kind = .pointer(pointee: directType(entry), byteSize: size ?? context.header.addressSize)
            case .referenceType, .rvalueReferenceType:
                kind = .reference(
                    referee: directType(entry), byteSize: size ?? context.header.addressSize,
                    isRvalue: entry.tag == .rvalueReferenceType)
            case .constType: kind = .qualified(.const, directType(entry))
            case .volatileType: kind = .qualified(.volatile, directType(entry))
            case .restrictType: kind = .qualified(.restrict, directType(entry))
            case .atomicType: kind = .qualified(.atomic, directType(entry))
            case .typedef: kind = .typedef(name: name ?? "<unnamed>", directType(entry))
            case .structureType, .unionType, .classType:
                let keyword: DebugType.CompositeKeyword =
                    entry.tag == .unionType ? .union : entry.tag == .classType ? .class : .struct
                let isDeclaration = entry[.declaration] != nil && size == nil
                kind = .composite(
                    keyword: keyword, name: name, byteSize: size, members: try members(unitIndex, index),
                    isDeclaration: isDeclaration)
            case .enumerationType:
                var enumerators: [DebugType.Enumerator] = []
                for child in unit.children(of: index) where unit.entries[child].tag == .enumerator {
                    let enumerator = unit.entries[child]
                    enumerators.append(
                        .init(
                            name: try context.string(enumerator[.name]) ?? "<unnamed>",
                            value: enumerator[.constValue]?.signedValue ?? 0))
                }
                kind = .enumeration(name: name, underlying: directType(entry), byteSize: size, enumerators: enumerators)
            case .arrayType:
                var counts: [Int?] = []
                for child in unit.children(of: index) where unit.entries[child].tag == .subrangeType {
                    counts.append(Self.count(of: unit.entries[child]))
                }
                kind = .array(element: directType(entry), counts: counts.isEmpty ? [nil] : counts)
            case .subroutineType:
                var parameters: [DebugTypeID?] = []
                var variadic = false
                for child in unit.children(of: index) {
                    if unit.entries[child].tag == .formalParameter {
                        parameters.append(directType(unit.entries[child]))
                    }
                    if unit.entries[child].tag == .unspecifiedParameters { variadic = true }
                }
                kind = .function(returns: directType(entry), parameters: parameters, isVariadic: variadic)
            default:
                kind = .unspecified(name: name)
            }
            types[id] = DebugType(id: id, kind: kind)
        }
    }

    /// An array dimension: DW_AT_count, or upper bound - lower bound + 1 (lower bound 0 in C).
    private static func count(of subrange: DebugInfoEntry) -> Int? {
        let limit = Int64(Int32.max)
        if let count = subrange[.count]?.signedValue, subrange[.count]?.isConstant == true {
            return (0...limit).contains(count) ? Int(count) : nil
        }
        guard subrange[.upperBound]?.isConstant == true, let upper = subrange[.upperBound]?.signedValue else {
            return nil
        }
        let lower = subrange[.lowerBound]?.signedValue ?? 0
        let (difference, overflow) = upper.subtractingReportingOverflow(lower)
        guard !overflow, difference < limit else { return nil }
        return difference + 1 >= 0 ? Int(difference + 1) : nil
    }

    private func members(_ unitIndex: Int, _ index: Int) throws(DWARFError) -> [DebugType.Member] {
        let unit = parsed[unitIndex]
        let context = contexts[unitIndex]
        var members: [DebugType.Member] = []
        for child in unit.children(of: index) where unit.entries[child].tag == .member {
            let member = unit.entries[child]
            let byteOffset: Int
            switch member[.dataMemberLocation] {
            case .expression(let bytes)?, .block(let bytes)?:
                byteOffset = Self.constantOffset(bytes, encoding: context.encoding) ?? 0
            case let value?:
                byteOffset = value.unsignedValue.flatMap { $0 <= UInt64(Int32.max) ? Int($0) : nil } ?? 0
            case nil:
                byteOffset = 0
            }
            // Offsets past 2 GiB are not in any wasm32 value: bounding them keeps the bit
            // arithmetic below and in rendering from overflowing.
            let limit = UInt64(Int32.max)
            let bitSize = member[.bitSize]?.unsignedValue.flatMap { $0 <= 64 ? Int($0) : nil }
            var bitOffset = member[.dataBitOffset]?.unsignedValue.flatMap { $0 <= limit ? Int($0) : nil }
            // DWARF 2/3 bit_offset counts from the most significant bit of the storage unit.
            if bitOffset == nil, let bitSize, let legacy = member[.bitOffset]?.unsignedValue, legacy <= 128,
                let storage = member[.byteSize]?.unsignedValue, storage <= 16
            {
                let legacy = Int(legacy)
                let storage = Int(storage)
                bitOffset = byteOffset * 8 + storage * 8 - legacy - bitSize
            }
            members.append(
                .init(
                    name: try context.string(member[.name]), type: directType(member), byteOffset: byteOffset,
                    bitSize: bitSize, bitOffset: bitOffset))
        }
        return members
    }

    /// A data_member_location expression that is a constant offset (DW_OP_plus_uconst N or
    /// DW_OP_constu N), as DWARF 2 producers wrote it.
    private static func constantOffset(_ bytes: [UInt8], encoding: ExpressionEncoding) -> Int? {
        guard let operations = try? DWARFOperation.decode(bytes, encoding: encoding), operations.count == 1,
            [0x23, 0x10].contains(operations[0].opcode), case .unsigned(let value) = operations[0].operands[0],
            value <= UInt64(Int32.max)
        else { return nil }
        return Int(value)
    }

    // MARK: - Functions and variables

    private mutating func collectCode(_ unitIndex: Int) throws(DWARFError) {
        let unit = parsed[unitIndex]
        guard !unit.entries.isEmpty else { return }
        var pending = unit.children(of: 0)
        var next = 0
        while next < pending.count {
            let index = pending[next]
            next += 1
            let entry = unit.entries[index]
            switch entry.tag {
            case .subprogram:
                if let function = try function(unitIndex, index) { functions.append(function) }
            case .variable:
                let global = try variable(unitIndex, index, frameBase: nil)
                if case .unavailable = global.location {} else { globals.append(global) }
            case .namespace:
                pending += unit.children(of: index)
            default:
                break
            }
        }
    }

    private mutating func function(_ unitIndex: Int, _ index: Int) throws(DWARFError) -> DebugFunction? {
        let entry = parsed[unitIndex].entries[index]
        let context = contexts[unitIndex]
        let ranges = try lists.ranges(of: entry, unit: context)
        guard !ranges.isEmpty else { return nil }
        let frameBase = entry[.frameBase] == nil ? nil : try lists.location(entry[.frameBase], unit: context)
        let scope = try scope(.function, unitIndex, index, ranges: ranges, frameBase: frameBase)
        var linkageName = try string(.linkageName, unit: unitIndex, index: index)
        if linkageName == nil { linkageName = try string(.mipsLinkageName, unit: unitIndex, index: index) }
        return DebugFunction(
            name: try string(.name, unit: unitIndex, index: index), linkageName: linkageName,
            ranges: ranges, declFile: file(.declFile, unit: unitIndex, index: index),
            declLine: integer(.declLine, unit: unitIndex, index: index),
            returnType: typeReference(unit: unitIndex, index: index),
            isExternal: find(.external, unit: unitIndex, index: index) != nil, frameBase: frameBase, scope: scope,
            unitIndex: unitIndex, offset: entry.offset)
    }

    private mutating func scope(
        _ kind: DebugScope.Kind, _ unitIndex: Int, _ index: Int, ranges: [Range<CodeOffset>],
        frameBase: LocationDescription?
    ) throws(DWARFError) -> DebugScope {
        let unit = parsed[unitIndex]
        var variables: [DebugVariable] = []
        var children: [DebugScope] = []
        for child in unit.children(of: index) {
            let entry = unit.entries[child]
            switch entry.tag {
            case .formalParameter, .variable:
                variables.append(try variable(unitIndex, child, frameBase: frameBase))
            case .lexicalBlock:
                let ranges = try lists.ranges(of: entry, unit: contexts[unitIndex])
                children.append(try scope(.lexicalBlock, unitIndex, child, ranges: ranges, frameBase: frameBase))
            case .inlinedSubroutine:
                let ranges = try lists.ranges(of: entry, unit: contexts[unitIndex])
                var origin: UInt64?
                if case .reference(let target)? = entry[.abstractOrigin] { origin = target }
                let call = InlinedCall(
                    functionName: try string(.name, unit: unitIndex, index: child), origin: origin,
                    callFile: contexts[unitIndex].file(entry[.callFile]),
                    callLine: entry[.callLine]?.unsignedValue.map { Int(clamping: $0) } ?? 0,
                    callColumn: entry[.callColumn]?.unsignedValue.map { Int(clamping: $0) } ?? 0)
                children.append(try scope(.inlinedCall(call), unitIndex, child, ranges: ranges, frameBase: frameBase))
            default:
                break
            }
        }
        return DebugScope(
            kind: kind, ranges: ranges, variables: variables, children: children, offset: unit.entries[index].offset)
    }

    private mutating func variable(_ unitIndex: Int, _ index: Int, frameBase: LocationDescription?) throws(DWARFError)
        -> DebugVariable
    {
        let entry = parsed[unitIndex].entries[index]
        let context = contexts[unitIndex]
        let location: LocationDescription
        if let value = entry[.location] {
            location = try lists.location(value, unit: context)
        } else if let constant = entry[.constValue] {
            location = .constant(try Self.constantBytes(constant, context: context))
        } else {
            location = .unavailable
        }
        return DebugVariable(
            name: try string(.name, unit: unitIndex, index: index), type: typeReference(unit: unitIndex, index: index),
            location: location, declFile: file(.declFile, unit: unitIndex, index: index),
            declLine: integer(.declLine, unit: unitIndex, index: index), isParameter: entry.tag == .formalParameter,
            offset: entry.offset, frameBase: frameBase)
    }

    private static func constantBytes(_ value: AttributeValue, context: UnitContext) throws(DWARFError) -> [UInt8] {
        switch value {
        case .unsigned(let bits): return LocationEvaluator.bytes(of: bits, count: 8)
        case .signed(let number): return LocationEvaluator.bytes(of: UInt64(bitPattern: number), count: 8)
        case .block(let bytes), .expression(let bytes): return bytes
        default: return Array((try context.string(value) ?? "").utf8) + [0]
        }
    }
}
