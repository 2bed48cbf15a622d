import DebugInfo
import Testing

@Suite("Code section layout: code offsets and module offsets")
struct CodeSectionLayoutTests {
    @Test(
        "every function's DWARF low_pc is the start of a function body in the Code section",
        arguments: DebugFixture.allCases)
    func lowPCIsBodyStart(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let starts = Set(info.codeSection.functionBodies.map(\.range.lowerBound))
        #expect(info.functions.count >= 10)
        for function in info.functions {
            let entry = try #require(function.entry)
            #expect(starts.contains(entry), "\(function.name ?? "?") at \(entry)")
            #expect(info.codeSection.body(containing: entry)?.range.lowerBound == entry)
        }
    }

    @Test(
        "bodies tile the payload: each after the previous one's end and its size, the last ending the payload",
        arguments: DebugFixture.allCases)
    func bodiesTilePayload(fixture: DebugFixture) throws {
        let layout = try fixture.info().codeSection
        let bodies = layout.functionBodies
        #expect(bodies.last?.range.upperBound == CodeOffset(layout.payloadSize))
        for (previous, next) in zip(bodies, bodies.dropFirst()) {
            // Between two bodies is only the next one's size, a LEB128 of 1 to 5 bytes.
            let gap = next.range.lowerBound.value - previous.range.upperBound.value
            #expect((1...5).contains(gap))
            #expect(next.ordinal == previous.ordinal + 1)
        }
        for body in bodies {
            #expect(body.firstInstruction > body.range.lowerBound && body.firstInstruction < body.range.upperBound)
            #expect(body.functionIndex == layout.importedFunctionCount.map { $0 + UInt32(body.ordinal) })
        }
        // The fixtures import one function: read-file.
        #expect(layout.importedFunctionCount == 1)
    }

    @Test("module offsets and code offsets convert both ways, and nothing outside the payload converts")
    func conversions() throws {
        let layout = try DebugFixture.debug.info().codeSection
        let start = layout.payloadStart
        #expect(layout.codeOffset(of: start) == CodeOffset(0))
        #expect(layout.moduleOffset(of: CodeOffset(0x20)) == ModuleOffset(start.value + 0x20))
        #expect(layout.codeOffset(of: ModuleOffset(start.value + 0x20)) == CodeOffset(0x20))
        #expect(layout.codeOffset(of: ModuleOffset(start.value - 1)) == nil)
        #expect(layout.codeOffset(of: ModuleOffset(start.value + layout.payloadSize + 1)) == nil)
        #expect(layout.moduleOffset(of: CodeOffset(layout.payloadSize + 1)) == nil)
        #expect(layout.body(containing: CodeOffset(0)) == nil)
        #expect("\(CodeOffset(0x20))" == "code+0x20")
        #expect("\(ModuleOffset(0x116))" == "module+0x116")
    }
}
