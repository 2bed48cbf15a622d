import DebugInfo
import Testing

/// Line programs assembled by hand: the opcodes and header forms clang does not emit for the
/// fixtures, each checked against what DWARF 5 section 6.2 says the machine does.
@Suite("Line programs: every opcode")
struct LineProgramTests {
    struct Row: Equatable, CustomStringConvertible {
        var address: UInt32
        var file: UInt64
        var line: Int
        var column: Int
        var flags: String

        var description: String { "0x\(String(address, radix: 16)) f\(file) \(line):\(column) \(flags)" }
    }

    static func table(_ program: LineProgram, lineStrings: [UInt8]? = nil, bodySizes: [Int] = [0x200]) throws
        -> LineTable
    {
        var sections = [(".debug_line", program.bytes)]
        if let lineStrings { sections.append((".debug_line_str", lineStrings)) }
        let module = SyntheticModule(bodySizes: bodySizes, customSections: sections).bytes
        return try #require(try DWARFDebugInfo(module: module[...]).lineTables.first)
    }

    static func rows(_ table: LineTable) -> [Row] {
        table.rows.map { row in
            var flags = row.isStatement ? "S" : "-"
            if row.isBasicBlock { flags += "B" }
            if row.isPrologueEnd { flags += "P" }
            if row.isEpilogueBegin { flags += "E" }
            if row.isEndSequence { flags += "X" }
            if row.isa != 0 { flags += " isa\(row.isa)" }
            if row.discriminator != 0 { flags += " d\(row.discriminator)" }
            return Row(address: row.address.value, file: row.file, line: row.line, column: row.column, flags: flags)
        }
    }

    @Test("standard and extended opcodes set the registers, and copy/end_sequence emit rows as specified")
    func everyOpcode() throws {
        let program = LineProgram(version: 4, directories: ["dir"], files: [("a.c", 1), ("b.c", 0)]) { program in
            program.setAddress(0x10)
            program.advanceLine(9)
            program.setColumn(4)
            program.copy()
            program.setFile(2)
            program.negateStatement()
            program.setBasicBlock()
            program.advanceAddress(3)
            program.copy()
            program.setPrologueEnd()
            program.setEpilogueBegin()
            program.setISA(5)
            program.setDiscriminator(3)
            program.fixedAdvancePC(0x100)
            program.copy()
            program.constAddPC()  // (255 - 13) / 14 = 17
            program.special(address: 1, line: 2)
            program.defineFile("late.c", directory: 1)
            program.setFile(3)
            program.raw([0x00, 0x04, 0x80, 0xaa, 0xbb, 0xcc])  // an unknown extended opcode, skipped
            program.negateStatement()
            program.copy()
            program.advanceAddress(2)
            program.endSequence()
        }
        let table = try Self.table(program)
        #expect(
            Self.rows(table) == [
                Row(address: 0x10, file: 1, line: 10, column: 4, flags: "S"),
                Row(address: 0x13, file: 2, line: 10, column: 4, flags: "-B"),
                Row(address: 0x113, file: 2, line: 10, column: 4, flags: "-PE isa5 d3"),
                Row(address: 0x125, file: 2, line: 12, column: 4, flags: "- isa5"),
                Row(address: 0x125, file: 3, line: 12, column: 4, flags: "S isa5"),
                Row(address: 0x127, file: 3, line: 12, column: 4, flags: "SX isa5"),
            ])
        #expect(table.files.map(\.path) == ["dir/a.c", "b.c", "dir/late.c"])
        #expect(table.file(0) == nil)
    }

    @Test("an unknown standard opcode is skipped by its declared operand count; opcodes from opcode_base are special")
    func opcodeBase() throws {
        let wide = LineProgram(
            version: 4, directories: [], files: [("a.c", 0)],
            configure: {
                $0.opcodeBase = 14
                $0.extraStandardLengths = [2]
            },
            program: { program in
                program.setAddress(0x10)
                program.raw([13] + uleb(1000) + uleb(5))
                program.special(address: 2, line: 3)
                program.endSequence()
            })
        #expect(
            Self.rows(try Self.table(wide)) == [
                Row(address: 0x12, file: 1, line: 4, column: 0, flags: "S"),
                Row(address: 0x12, file: 1, line: 4, column: 0, flags: "SX"),
            ])
        let narrow = LineProgram(
            version: 4, directories: [], files: [("a.c", 0)], configure: { $0.opcodeBase = 10 },
            program: { program in
                program.setAddress(0x10)
                program.raw([10 + 14 + 5])  // special: address + 1, line + 0
                program.endSequence()
            })
        #expect(Self.rows(try Self.table(narrow)).first == Row(address: 0x11, file: 1, line: 1, column: 0, flags: "S"))
    }

    @Test("minimum_instruction_length scales address advances")
    func instructionLength() throws {
        let program = LineProgram(
            version: 4, directories: [], files: [("a.c", 0)], configure: { $0.minimumInstructionLength = 4 },
            program: { program in
                program.setAddress(0x10)
                program.advanceAddress(3)
                program.copy()
                program.special(address: 2, line: 0)
                program.endSequence()
            })
        #expect(Self.rows(try Self.table(program)).map(\.address) == [0x1c, 0x24, 0x24])
    }

    @Test("DWARF 5 file tables: indices from 0, paths through .debug_line_str, MD5 checksums")
    func dwarf5Files() throws {
        let program = LineProgram(
            version: 5, directories: ["/src", "sub"], files: [("main.c", 0), ("part.h", 1)],
            configure: {
                $0.useLineStrings = true
                $0.withMD5 = true
            },
            program: { program in
                program.setFile(1)
                program.setAddress(0x8)
                program.copy()
                program.advanceAddress(1)
                program.endSequence()
            })
        let table = try Self.table(program, lineStrings: program.lineStringBytes)
        #expect(table.version == 5)
        #expect(table.includeDirectories == ["/src", "sub"])
        #expect(table.files.map(\.path) == ["main.c", "sub/part.h"])
        #expect(table.files.map(\.md5) == [[UInt8](repeating: 1, count: 16), [UInt8](repeating: 2, count: 16)])
        #expect(table.file(0)?.name == "main.c")
        #expect(table.file(1)?.name == "part.h")
        #expect(Self.rows(table).first?.file == 1)
    }

    @Test("64-bit DWARF unit lengths and offsets")
    func dwarf64() throws {
        let program = LineProgram(version: 4, directories: [], files: [("a.c", 0)], configure: { $0.format64 = true }) {
            program in
            program.setAddress(0x10)
            program.copy()
            program.advanceAddress(4)
            program.endSequence()
        }
        let module = SyntheticModule(customSections: [(".debug_line", program.bytes)]).bytes
        #expect(
            try DWARFDebugInfo(module: module[...]).location(at: CodeOffset(0x12))
                == SourceLocation(file: "a.c", line: 1, column: 0))
    }

    @Test("rows at the linker's tombstone address are left out until the next set_address")
    func tombstones() throws {
        let program = LineProgram(version: 4, directories: [], files: [("a.c", 0)]) { program in
            program.setAddress(0xffff_ffff)
            program.copy()
            program.special(address: 3, line: 1)
            program.setAddress(0x20)
            program.copy()
            program.advanceAddress(2)
            program.endSequence()
            program.setAddress(0xffff_ffff)
            program.copy()
            program.advanceAddress(2)
            program.endSequence()
        }
        #expect(Self.rows(try Self.table(program)).map(\.address) == [0x20, 0x22])
    }

    @Test("lookups: the last row at the greatest address not after the offset, nothing past end_sequence")
    func lookups() throws {
        let program = LineProgram(version: 4, directories: [], files: [("a.c", 0)]) { program in
            program.setAddress(0x10)
            program.copy()
            program.advanceLine(1)
            program.copy()  // a second row at 0x10: it wins
            program.special(address: 4, line: 1)
            program.advanceAddress(4)
            program.endSequence()
        }
        let module = SyntheticModule(customSections: [(".debug_line", program.bytes)]).bytes
        let info = try DWARFDebugInfo(module: module[...])
        #expect(info.location(at: CodeOffset(0x10))?.line == 2)
        #expect(info.location(at: CodeOffset(0x13))?.line == 2)
        #expect(info.location(at: CodeOffset(0x14))?.line == 3)
        #expect(info.location(at: CodeOffset(0x17))?.line == 3)
        #expect(info.location(at: CodeOffset(0x18)) == nil)
        #expect(info.location(at: CodeOffset(0x0f)) == nil)
        #expect(info.statements.map(\.address) == [CodeOffset(0x10), CodeOffset(0x14)])
    }

    @Test("malformed headers are errors that say what is wrong")
    func malformed() throws {
        func error(_ bytes: [UInt8]) -> DWARFError? {
            let module = SyntheticModule(customSections: [(".debug_line", bytes)]).bytes
            do {
                _ = try DWARFDebugInfo(module: module[...])
                return nil
            } catch {
                return error
            }
        }
        let good = LineProgram(version: 4, directories: [], files: [("a.c", 0)]) { $0.copy() }.bytes
        var zeroRange = good
        zeroRange[4 + 2 + 4 + 4] = 0  // line_range, after length, version, header_length, 4 header bytes
        #expect(error(zeroRange)?.message == "line_range is 0")
        var version = good
        version[4] = 9
        #expect(error(version)?.message == "unsupported line table version 9")
        #expect(error(Array(good.dropLast(3)))?.message.contains("past the end") == true)
        let badExtended = LineProgram(version: 4, directories: [], files: [("a.c", 0)]) { $0.raw([0x00, 0x7f, 0x01]) }
            .bytes
        #expect(error(badExtended)?.message == "extended opcode length 127 is out of range")
    }
}
