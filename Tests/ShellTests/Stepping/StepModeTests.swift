import DebugInfo
import Testing
import WasmRuntime

@testable import Shell

/// When `line` (into) and `next` (over) stop at a statement, from where they started.
@Suite("Line motions")
struct StepModeTests {
    let function = CoreFunctionName(module: 0, index: 1, name: "f")

    private func stop(frame: Int) -> ProbeStop {
        ProbeStop(kind: .statement, function: function, offset: CodeOffset(0x40), frame: frame, instance: 0)
    }

    private func line(_ number: Int) -> LineKey { LineKey(module: 0, file: "./f.c", line: number) }

    @Test(
        "the same frame stops when the line changes; a caller at once; a callee only stepping into",
        arguments: [
            // (frame of the statement, its line, anchor frame, anchor line, into, in prologue, stops)
            (5, 30, 5, 30, true, false, false), (5, 31, 5, 30, true, false, true), (5, 31, 5, 30, false, false, true),
            (4, 30, 5, 30, false, false, true), (4, 30, 5, 30, true, false, true), (6, 22, 5, 30, true, false, true),
            (6, 22, 5, 30, false, false, false), (6, 21, 5, 30, true, true, false), (5, 31, 5, 30, true, true, false),
            (5, 30, 5, -1, false, false, true),
        ])
    func motions(frame: Int, at: Int, anchorFrame: Int, anchorLine: Int, into: Bool, prologue: Bool, stops: Bool) {
        let anchor = LineAnchor(frame: anchorFrame, line: anchorLine < 0 ? nil : line(anchorLine))
        #expect(
            StepMode.endsLineMotion(
                at: stop(frame: frame), key: line(at), from: anchor, into: into, inPrologue: prologue)
                == stops)
    }

    @Test("a statement without a source line never ends a line motion")
    func noLine() {
        #expect(
            !StepMode.endsLineMotion(
                at: stop(frame: 5), key: nil, from: LineAnchor(frame: 5, line: line(30)), into: true, inPrologue: false)
        )
    }
}
