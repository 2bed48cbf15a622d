import DebugInfo
import Testing

@Suite("Code offsets to source, against wasm-tools addr2line")
struct Addr2LineTests {
    /// Frames as addr2line prints them: `name path:line:column`, innermost first.
    static func printed(_ frames: [SourceFrame]) -> [String] {
        frames.map { "\($0.functionName ?? "??") \($0.location?.description ?? "??:0")" }
    }

    @Test(
        "every line-table address maps to addr2line's frames (inlined calls included)", arguments: DebugFixture.allCases
    )
    func everyRowAddress(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = Addr2LineDump(try fixture.oracle("addr2line"))
        #expect(dump.frames.count > 100)
        for (address, expected) in dump.frames {
            let frames = Self.printed(info.frames(at: CodeOffset(address)))
            #expect(frames == expected, "at code offset 0x\(String(address, radix: 16))")
        }
    }

    @Test("every statement address's file:line is addr2line's", arguments: DebugFixture.allCases)
    func everyStatement(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = Addr2LineDump(try fixture.oracle("addr2line"))
        let expected = Dictionary(
            dump.frames.map { ($0.address, $0.frames.first) }, uniquingKeysWith: { first, _ in first })
        let statements = info.statements
        #expect(statements.count > 40)
        for statement in statements {
            guard let frame = expected[statement.address.value] ?? nil else {
                Issue.record("addr2line has no frame at statement \(statement.address)")
                continue
            }
            #expect(frame.hasSuffix(" " + statement.location.description), "at \(statement.address)")
        }
    }

    @Test(
        "module offsets (the Code section's payload start added) give addr2line's frames too",
        arguments: DebugFixture.allCases)
    func moduleOffsets(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let codeRelative = Addr2LineDump(try fixture.oracle("addr2line"))
        let moduleRelative = Addr2LineDump(try fixture.oracle("addr2line-module"))
        #expect(codeRelative.frames.count == moduleRelative.frames.count)
        for (code, module) in zip(codeRelative.frames, moduleRelative.frames) {
            let offset = info.codeSection.codeOffset(of: ModuleOffset(module.address))
            #expect(offset == CodeOffset(code.address))
            #expect(offset.flatMap { info.codeSection.moduleOffset(of: $0) } == ModuleOffset(module.address))
            #expect(code.frames == module.frames)
        }
    }
}
