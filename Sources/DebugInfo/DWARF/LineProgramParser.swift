/// Reads a line-number program (DWARF 2 to 5) and runs it into a `LineTable`: every standard,
/// extended and special opcode of DWARF 5 section 6.2.
struct LineProgramParser {
    let sections: DWARFSections
    /// The unit's comp_dir: relative paths are joined onto it.
    let compDir: String?
    /// For DW_FORM_strx in a DWARF 5 file table: the unit's string offsets base.
    let strings: StringResolver?

    private struct Header {
        var version: Int = 0
        var minimumInstructionLength = 1
        var maximumOperations = 1
        var defaultIsStatement = true
        var lineBase = 0
        var lineRange = 1
        var opcodeBase = 1
        var standardLengths: [Int] = []
        var directories: [String] = []
        var files: [LineTable.FileEntry] = []
    }

    func parse(at offset: UInt64) throws(DWARFError) -> LineTable {
        var cursor = try sections.line.cursor(at: offset)
        let start = cursor.position
        let (length, format) = try cursor.unitLength()
        var unit = try cursor.limited(to: length)
        var header = Header()
        header.version = Int(try unit.u16())
        guard (2...5).contains(header.version) else {
            throw unit.error("unsupported line table version \(header.version)", at: start)
        }
        if header.version >= 5 {
            _ = try unit.u8()  // address_size: set_address operands carry their own size
            _ = try unit.u8()  // segment_selector_size
        }
        let headerLength = try unit.offset(format)
        var headerCursor = try unit.limited(to: headerLength)
        let program = headerCursor.end
        header.minimumInstructionLength = Int(try headerCursor.u8())
        if header.version >= 4 { header.maximumOperations = max(1, Int(try headerCursor.u8())) }
        header.defaultIsStatement = try headerCursor.u8() != 0
        header.lineBase = Int(Int8(bitPattern: try headerCursor.u8()))
        header.lineRange = Int(try headerCursor.u8())
        guard header.lineRange > 0 else { throw headerCursor.error("line_range is 0") }
        header.opcodeBase = Int(try headerCursor.u8())
        guard header.opcodeBase > 0 else { throw headerCursor.error("opcode_base is 0") }
        for _ in 1..<header.opcodeBase { header.standardLengths.append(Int(try headerCursor.u8())) }
        if header.version >= 5 {
            header.directories = try entries(&headerCursor, format: format, header: header).map(\.name)
            header.files = try entries(&headerCursor, format: format, header: header)
        } else {
            while true {
                let directory = try headerCursor.cString()
                if directory.isEmpty { break }
                header.directories.append(directory)
            }
            while true {
                let name = try headerCursor.cString()
                if name.isEmpty { break }
                let directory = try headerCursor.uleb()
                _ = try headerCursor.uleb()
                _ = try headerCursor.uleb()
                header.files.append(file(name: name, directory: directory, md5: nil, header: header))
            }
        }
        var body = try unit.moved(to: program)
        let rows = try run(&body, header: &header)
        return LineTable(
            offset: offset, version: header.version, minimumInstructionLength: header.minimumInstructionLength,
            maximumOperationsPerInstruction: header.maximumOperations, defaultIsStatement: header.defaultIsStatement,
            lineBase: header.lineBase, lineRange: header.lineRange, opcodeBase: header.opcodeBase,
            includeDirectories: header.directories, files: header.files, rows: rows)
    }

    /// DWARF 5's self-describing directory or file entries: a format (content type, form pairs),
    /// then the entries.
    private func entries(_ cursor: inout DWARFCursor, format: DWARFFormat, header: Header) throws(DWARFError)
        -> [LineTable.FileEntry]
    {
        let formatCount = Int(try cursor.u8())
        var formats: [(content: UInt64, form: DWARFForm)] = []
        for _ in 0..<formatCount { formats.append((try cursor.uleb(), DWARFForm(rawValue: try cursor.uleb()))) }
        let count = try cursor.ulebCount("entry count", limit: cursor.remaining)
        var result: [LineTable.FileEntry] = []
        for _ in 0..<count {
            var name = ""
            var directory: UInt64 = 0
            var md5: [UInt8]?
            for (content, form) in formats {
                switch content {
                case 0x1:  // DW_LNCT_path
                    name = try string(form, &cursor, format: format)
                case 0x2:  // DW_LNCT_directory_index
                    directory = try constant(form, &cursor)
                case 0x5:  // DW_LNCT_MD5
                    guard form == .data16 else { throw cursor.error("DW_LNCT_MD5 not in DW_FORM_data16") }
                    md5 = try cursor.bytes(16)
                default:
                    try skip(form, &cursor, format: format)
                }
            }
            result.append(file(name: name, directory: directory, md5: md5, header: header))
        }
        return result
    }

    private func string(_ form: DWARFForm, _ cursor: inout DWARFCursor, format: DWARFFormat) throws(DWARFError)
        -> String
    {
        let value: AttributeValue
        switch form {
        case .string: return try cursor.cString()
        case .lineStrp: value = .lineStringOffset(try cursor.offset(format))
        case .strp: value = .stringOffset(try cursor.offset(format))
        case .strx, .strx1, .strx2, .strx3, .strx4:
            let index =
                form == .strx ? try cursor.uleb() : try cursor.fixed(Int(form.rawValue - DWARFForm.strx1.rawValue) + 1)
            value = .stringIndex(index)
        default: throw cursor.error("file name in unsupported form 0x\(String(form.rawValue, radix: 16))")
        }
        let resolver = strings ?? StringResolver(sections: sections, strOffsetsBase: nil, format: format)
        return try resolver.string(value) ?? ""
    }

    private func constant(_ form: DWARFForm, _ cursor: inout DWARFCursor) throws(DWARFError) -> UInt64 {
        switch form {
        case .data1: try cursor.fixed(1)
        case .data2: try cursor.fixed(2)
        case .data4: try cursor.fixed(4)
        case .data8: try cursor.fixed(8)
        case .udata: try cursor.uleb()
        default: throw cursor.error("directory index in unsupported form 0x\(String(form.rawValue, radix: 16))")
        }
    }

    private func skip(_ form: DWARFForm, _ cursor: inout DWARFCursor, format: DWARFFormat) throws(DWARFError) {
        switch form {
        case .data1, .strx1: try cursor.skip(1)
        case .data2, .strx2: try cursor.skip(2)
        case .strx3: try cursor.skip(3)
        case .data4, .strx4: try cursor.skip(4)
        case .data8: try cursor.skip(8)
        case .data16: try cursor.skip(16)
        case .udata, .strx: _ = try cursor.uleb()
        case .sdata: _ = try cursor.sleb()
        case .string: _ = try cursor.cString()
        case .strp, .lineStrp, .secOffset: _ = try cursor.offset(format)
        case .block: try cursor.skip(try cursor.uleb())
        case .block1: try cursor.skip(try cursor.fixed(1))
        case .block2: try cursor.skip(try cursor.fixed(2))
        case .block4: try cursor.skip(try cursor.fixed(4))
        case .flag: try cursor.skip(1)
        default: throw cursor.error("file entry field in unknown form 0x\(String(form.rawValue, radix: 16))")
        }
    }

    /// A file entry with its path joined as `wasm-tools addr2line` (gimli) does: comp_dir, then
    /// the directory unless it is directory 0 (the compilation directory), then the name; an
    /// absolute part replaces what came before it.
    private func file(name: String, directory: UInt64, md5: [UInt8]?, header: Header) -> LineTable.FileEntry {
        var path = compDir ?? ""
        if directory != 0 {
            let index = header.version >= 5 ? directory : directory - 1
            if index < UInt64(header.directories.count) { Self.push(&path, header.directories[Int(index)]) }
        }
        Self.push(&path, name)
        return LineTable.FileEntry(name: name, directoryIndex: directory, path: path, md5: md5)
    }

    static func push(_ path: inout String, _ part: String) {
        if part.hasPrefix("/") || path.isEmpty {
            path = part
        } else if path.hasSuffix("/") {
            path += part
        } else {
            path += "/" + part
        }
    }

    /// Runs the program: the state machine of DWARF 5 section 6.2.2.
    private func run(_ cursor: inout DWARFCursor, header: inout Header) throws(DWARFError) -> [LineRow] {
        var rows: [LineRow] = []
        var state = State(defaultIsStatement: header.defaultIsStatement)
        // Set by DW_LNE_set_address with a tombstone (code the linker removed): rows are dropped
        // until the next set_address or the end of the sequence, as llvm-dwarfdump does.
        var tombstoned = false

        func emit() {
            if !tombstoned, let address = UInt32(exactly: state.address) {
                rows.append(
                    LineRow(
                        address: CodeOffset(address), file: state.file,
                        line: Int(clamping: state.line), column: Int(clamping: state.column),
                        isStatement: state.isStatement, isBasicBlock: state.basicBlock,
                        isEndSequence: state.endSequence, isPrologueEnd: state.prologueEnd,
                        isEpilogueBegin: state.epilogueBegin, isa: state.isa, discriminator: state.discriminator))
            }
            state.discriminator = 0
            state.basicBlock = false
            state.prologueEnd = false
            state.epilogueBegin = false
        }
        func advance(operations: UInt64) {
            let maximum = UInt64(header.maximumOperations)
            let total = state.opIndex &+ operations
            state.address &+= UInt64(header.minimumInstructionLength) &* (total / maximum)
            state.opIndex = total % maximum
        }

        while !cursor.isAtEnd {
            let start = cursor.position
            let opcode = Int(try cursor.u8())
            if opcode >= header.opcodeBase {
                let adjusted = opcode - header.opcodeBase
                advance(operations: UInt64(adjusted / header.lineRange))
                state.line &+= Int64(header.lineBase + adjusted % header.lineRange)
                emit()
                continue
            }
            switch opcode {
            case 0:
                let length = try cursor.uleb()
                guard length >= 1, length <= UInt64(cursor.remaining) else {
                    throw cursor.error("extended opcode length \(length) is out of range", at: start)
                }
                var operands = try cursor.limited(to: length)
                try cursor.skip(length)
                switch try operands.u8() {
                case 1:  // DW_LNE_end_sequence
                    state.endSequence = true
                    emit()
                    state = State(defaultIsStatement: header.defaultIsStatement)
                    tombstoned = false
                case 2:  // DW_LNE_set_address
                    let size = Int(length - 1)
                    guard (1...8).contains(size) else { throw cursor.error("set_address of \(size) bytes", at: start) }
                    state.address = try operands.fixed(size)
                    state.opIndex = 0
                    let tombstone = size == 8 ? UInt64.max : (1 << UInt64(8 * size)) - 1
                    tombstoned = state.address >= tombstone - 1
                case 3:  // DW_LNE_define_file (DWARF 2 to 4)
                    let name = try operands.cString()
                    let directory = try operands.uleb()
                    header.files.append(file(name: name, directory: directory, md5: nil, header: header))
                case 4:  // DW_LNE_set_discriminator
                    state.discriminator = try operands.uleb()
                default:
                    break  // unknown extended opcodes are skipped by their length
                }
            case 1:  // DW_LNS_copy
                emit()
            case 2:  // DW_LNS_advance_pc
                advance(operations: try cursor.uleb())
            case 3:  // DW_LNS_advance_line
                state.line &+= try cursor.sleb()
            case 4:  // DW_LNS_set_file
                state.file = try cursor.uleb()
            case 5:  // DW_LNS_set_column
                state.column = try cursor.uleb()
            case 6:  // DW_LNS_negate_stmt
                state.isStatement.toggle()
            case 7:  // DW_LNS_set_basic_block
                state.basicBlock = true
            case 8:  // DW_LNS_const_add_pc: the address advance of special opcode 255
                advance(operations: UInt64((255 - header.opcodeBase) / header.lineRange))
            case 9:  // DW_LNS_fixed_advance_pc
                state.address &+= try cursor.fixed(2)
                state.opIndex = 0
            case 10:  // DW_LNS_set_prologue_end
                state.prologueEnd = true
            case 11:  // DW_LNS_set_epilogue_begin
                state.epilogueBegin = true
            case 12:  // DW_LNS_set_isa
                state.isa = try cursor.uleb()
            default:
                // A standard opcode this reader does not know: skip its ULEB128 operands.
                for _ in 0..<header.standardLengths[opcode - 1] { _ = try cursor.uleb() }
            }
        }
        return rows
    }

    private struct State {
        var address: UInt64 = 0
        var opIndex: UInt64 = 0
        var file: UInt64 = 1
        var line: Int64 = 1
        var column: UInt64 = 0
        var isStatement: Bool
        var basicBlock = false
        var endSequence = false
        var prologueEnd = false
        var epilogueBegin = false
        var isa: UInt64 = 0
        var discriminator: UInt64 = 0

        init(defaultIsStatement: Bool) {
            isStatement = defaultIsStatement
        }
    }
}
