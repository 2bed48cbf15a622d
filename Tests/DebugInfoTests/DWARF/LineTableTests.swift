import DebugInfo
import Testing

@Suite("Line tables against llvm-dwarfdump --debug-line")
struct LineTableTests {
    @Test("every table has llvm-dwarfdump's version, directories, files and rows", arguments: DebugFixture.allCases)
    func tablesMatch(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = LineTableDump(try fixture.oracle("debug-line"))
        #expect(info.lineTables.count == dump.tables.count)
        #expect(dump.tables.count >= 3)
        for (table, expected) in zip(info.lineTables, dump.tables) {
            #expect(table.offset == expected.offset)
            #expect(table.version == expected.version)
            #expect(table.includeDirectories == expected.directories)
            #expect(table.files.map(\.name) == expected.fileNames)
            #expect(table.files.map(\.directoryIndex) == expected.fileDirectories)
            let rows = table.rows.map { row in
                var flags: [String] = []
                if row.isStatement { flags.append("is_stmt") }
                if row.isBasicBlock { flags.append("basic_block") }
                if row.isPrologueEnd { flags.append("prologue_end") }
                if row.isEpilogueBegin { flags.append("epilogue_begin") }
                if row.isEndSequence { flags.append("end_sequence") }
                return LineTableDump.Row(
                    address: row.address.value, line: row.line, column: row.column, file: row.file, isa: row.isa,
                    discriminator: row.discriminator, flags: flags)
            }
            #expect(rows.count == expected.rows.count, "table at \(table.offset)")
            for (row, want) in zip(rows, expected.rows) where row != want {
                Issue.record("table at \(table.offset): \(row) != llvm-dwarfdump's \(want)")
            }
        }
    }

    @Test("the fixtures' line tables are DWARF 4 (clang's default for wasm) and DWARF 5 (-gdwarf-5)")
    func versions() throws {
        #expect(try DebugFixture.debug.info().lineTables.map(\.version) == [4, 4, 4])
        #expect(try DebugFixture.optimized.info().lineTables.map(\.version) == [4, 4, 4])
        #expect(try DebugFixture.dwarf5.info().lineTables.map(\.version) == [5, 5, 5])
    }
}
