import DebugInfo
import Testing

@Suite("Functions, scopes and frames")
struct FunctionLookupTests {
    @Test("functions by C name, with declaration, parameters and return type")
    func byName() throws {
        let info = try DebugFixture.debug.info()
        let factorial = try #require(info.functions(named: "factorial").first)
        #expect(factorial.declLine == 38)
        #expect(factorial.declFile == "./components/debug/debug.c")
        #expect(factorial.parameters.map(\.name) == ["n"])
        #expect(info.types.name(of: factorial.parameters.first?.type) == "uint32_t")
        #expect(info.types.name(of: factorial.returnType) == "uint64_t")
        #expect(factorial.isExternal)
        #expect(info.functions(named: "square").first?.isExternal == false)
        #expect(info.functions(named: "no_such_function").isEmpty)
        let segment = try #require(info.functions(named: "segment_length").first)
        #expect(segment.parameters.map(\.name) == ["x1", "y1", "x2", "y2"])
    }

    @Test("the function containing an offset, and none between functions", arguments: DebugFixture.allCases)
    func byOffset(fixture: DebugFixture) throws {
        let info = try fixture.info()
        for function in info.functions {
            let range = try #require(function.ranges.first)
            #expect(info.function(containing: range.lowerBound)?.offset == function.offset)
            #expect(info.function(containing: CodeOffset(range.upperBound.value - 1))?.offset == function.offset)
        }
        #expect(info.function(containing: CodeOffset(0)) == nil)
        #expect(info.frames(at: CodeOffset(0)).isEmpty)
    }

    @Test("a variable is visible only in its block: the loop's i and squared inside the loop, not after it")
    func blockScopes() throws {
        let info = try DebugFixture.debug.info()
        let inside = try info.breakpoint(file: "debug.c", line: 31).addresses[0]
        #expect(info.frames(at: inside).first?.variables.map(\.name) == ["n", "total", "i", "squared"])
        let after = try info.breakpoint(file: "debug.c", line: 33).addresses[0]
        #expect(info.frames(at: after).first?.variables.map(\.name) == ["n", "total"])
    }

    @Test("inside inlined code the frames are the inlined function, then its caller at the call site")
    func inlinedFrames() throws {
        let info = try DebugFixture.optimized.info()
        let line = try info.breakpoint(file: "shapes.h", line: 29)
        let frames = info.frames(at: line.addresses[0])
        #expect(frames.map(\.functionName) == ["axis_distance", "segment_manhattan"])
        #expect(frames[0].location?.line == 29)
        #expect(frames[0].inlinedCall?.callLine == 13)
        #expect(frames[1].location == SourceLocation(file: "./components/debug/shapes.c", line: 13, column: 15))
        #expect(frames[0].variables.map(\.name) == ["from", "to", "difference"])
        #expect(frames[1].variables.map(\.name).contains("length"))
        #expect(frames.allSatisfy { $0.function.name == "segment_manhattan" })
    }

    @Test("units name their source, directory, language and producer")
    func units() throws {
        let info = try DebugFixture.dwarf5.info()
        let unit = try #require(info.units.first)
        #expect(unit.version == 5)
        #expect(unit.name == "components/debug/debug.c")
        #expect(unit.compDir == ".")
        #expect(unit.language?.description == "C11")
        #expect(unit.producer?.hasPrefix("clang version 21.0.0") == true)
        #expect(!unit.ranges.isEmpty)
    }

    @Test("globals with their C types: a counter, a struct, a typedef'd struct")
    func globals() throws {
        let info = try DebugFixture.debug.info()
        #expect(info.types.name(of: info.globals(named: "calls_served").first?.type) == "uint32_t")
        #expect(info.types.name(of: info.globals(named: "last_start").first?.type) == "struct point")
        #expect(info.types.name(of: info.globals(named: "read_area").first?.type) == "read_result")
        #expect(info.globals(named: "last_start").first?.declFile == "./components/debug/shapes.c")
    }
}

@Suite("What a probe must pass")
struct ProbeLocalsTests {
    @Test("at -O0 every variable is in the stack frame: only the frame pointer local is needed")
    func unoptimized() throws {
        let info = try DebugFixture.debug.info()
        #expect(info.wasmLocals(readBy: try #require(info.functions(named: "factorial").first)) == [1])
        #expect(info.wasmLocals(readBy: try #require(info.functions(named: "segment_length").first)) == [4])
        #expect(info.wasmLocals(readBy: try #require(info.functions(named: "get_calls_served").first)).isEmpty)
    }

    @Test("at -O1 parameters live in locals, and the frame pointer where the function has a frame")
    func optimized() throws {
        let info = try DebugFixture.optimized.info()
        #expect(
            info.wasmLocals(readBy: try #require(info.functions(named: "segment_length").first)) == [0, 1, 2, 3, 4])
        #expect(info.wasmLocals(readBy: try #require(info.functions(named: "factorial").first)) == [0])
    }
}
