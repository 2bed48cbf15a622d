import DebugInfo
import Testing

@Suite("break FILE:LINE")
struct BreakpointTests {
    @Test("a line with code gives its statement address, which maps back to the line")
    func lineWithCode() throws {
        let info = try DebugFixture.debug.info()
        let breakpoint = try info.breakpoint(file: "debug.c", line: 30)
        #expect(breakpoint.line == 30 && !breakpoint.moved)
        #expect(breakpoint.file == "./components/debug/debug.c")
        #expect(breakpoint.addresses.count == 1)
        for address in breakpoint.addresses {
            #expect(info.location(at: address)?.line == 30)
            #expect(info.function(containing: address)?.name == "sum_squares")
        }
    }

    @Test("a comment line has no code: the breakpoint moves to the next line that has, and says so")
    func lineWithoutCode() throws {
        let info = try DebugFixture.debug.info()
        let comment = try info.breakpoint(file: "debug.c", line: 29)
        #expect(comment.requestedLine == 29 && comment.line == 30 && comment.moved)
        #expect(comment.addresses == (try info.breakpoint(file: "debug.c", line: 30)).addresses)
        let closingBrace = try info.breakpoint(file: "debug.c", line: 32)
        #expect(closingBrace.line == 33)
    }

    @Test("a for line has code in two places: the initialization and the increment")
    func forLine() throws {
        let info = try DebugFixture.debug.info()
        let loop = try info.breakpoint(file: "debug.c", line: 28)
        #expect(loop.addresses.count == 2)
        #expect(loop.addresses.allSatisfy { info.location(at: $0)?.line == 28 })
    }

    @Test("a C function's breakpoint goes after its prologue: the line table's prologue_end statement")
    func functionBreakpoints() throws {
        let info = try DebugFixture.debug.info()
        // Addresses from components/expected/debug/debug.debug-line.txt (is_stmt prologue_end).
        for (name, address, line) in [
            ("sum_squares", UInt32(0x20), 27), ("square", 0xb9, 22), ("factorial", 0xe7, 39), ("scalars", 0x165, 48),
        ] {
            let function = try #require(info.functions(named: name).first)
            let statement = try #require(info.firstStatementAfterPrologue(of: function))
            #expect(statement == CodeOffset(address), "\(name)")
            #expect(info.location(at: statement)?.line == line, "\(name)")
        }
        // At -O1 too, a function's breakpoint lands on a statement inside it.
        let optimized = try DebugFixture.optimized.info()
        for function in optimized.functions {
            guard let statement = optimized.firstStatementAfterPrologue(of: function) else { continue }
            #expect(function.contains(statement))
            #expect(optimized.statements.contains { $0.address == statement })
        }
    }

    @Test("files by base name, by path suffix, or by the whole path with or without ./")
    func fileQueries() throws {
        let info = try DebugFixture.debug.info()
        for query in ["debug.c", "debug/debug.c", "components/debug/debug.c", "./components/debug/debug.c"] {
            #expect(info.sourceFiles(matching: query) == ["./components/debug/debug.c"], "\(query)")
        }
        #expect(info.sourceFiles(matching: "bug.c").isEmpty)
        #expect(
            info.sourceFiles == [
                "./components/common/cabi.c", "./components/debug/debug.c", "./components/debug/shapes.c",
                "./components/debug/shapes.h",
            ])
        let header = try info.breakpoint(file: "shapes.h", line: 29)
        #expect(info.function(containing: header.addresses[0])?.name == "axis_distance")
    }

    @Test("errors say what is wrong: an unknown file lists the known ones, a line past the code names the last")
    func errors() throws {
        let info = try DebugFixture.debug.info()
        #expect(
            throws: DWARFError(
                "no source file with code matches 'nosuch.c'; files: ./components/common/cabi.c, ./components/debug/debug.c, ./components/debug/shapes.c, ./components/debug/shapes.h"
            )
        ) {
            try info.breakpoint(file: "nosuch.c", line: 1)
        }
        #expect(
            throws: DWARFError(
                "./components/debug/debug.c has no code at or after line 102 (its last line with code is 100)")
        ) {
            try info.breakpoint(file: "debug.c", line: 102)
        }
    }

    @Test("two files with the same name are ambiguous until more of the path is given")
    func ambiguousFiles() throws {
        let program = LineProgram(version: 4, directories: ["a", "b"], files: [("x.c", 1), ("x.c", 2)]) { program in
            program.setAddress(2)
            program.copy()
            program.setFile(2)
            program.advanceAddress(4)
            program.copy()
            program.advanceAddress(4)
            program.endSequence()
        }
        let module = SyntheticModule(bodySizes: [16], customSections: [(".debug_line", program.bytes)]).bytes
        let info = try DWARFDebugInfo(module: module[...])
        #expect(info.sourceFiles == ["a/x.c", "b/x.c"])
        #expect(throws: DWARFError("'x.c' matches 2 files: a/x.c, b/x.c; give more of the path")) {
            try info.breakpoint(file: "x.c", line: 1)
        }
        #expect(try info.breakpoint(file: "b/x.c", line: 1).addresses == [CodeOffset(6)])
    }

    @Test(
        "statements are the is_stmt addresses with a line, in order, each mapping to its row's place",
        arguments: DebugFixture.allCases)
    func statements(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let statements = info.statements
        #expect(statements.map(\.address) == statements.map(\.address).sorted())
        #expect(Set(statements.map(\.address)).count == statements.count)
        for statement in statements {
            #expect(statement.location.line > 0)
            #expect(info.function(containing: statement.address) != nil)
        }
        let factorial = try #require(info.functions(named: "factorial").first)
        #expect(info.statements(in: factorial).allSatisfy { factorial.contains($0.address) })
        #expect(info.statements(in: factorial).contains { $0.location.line == 43 })
    }
}
