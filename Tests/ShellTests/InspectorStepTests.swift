import Capabilities
import Foundation
import PTYTestSupport
import TerminalUI
import Testing

@testable import Shell

/// What the stepper pane showed when a key was read at a pause.
private struct PaneSnapshot {
    var stepper: InspectorStepper
    var helpLine: String

    var headline: String? { stepper.pause?.headline }
    var policy: (text: String, allows: Bool)? { stepper.pause?.policySummary }
    var frames: [String] { stepper.pause?.backtrace ?? [] }
    var log: [String] { stepper.log.map(\.line) }
}

/// Answers a stepped call's pauses with keys, as the terminal loop does (through
/// `InspectorKeys`), and keeps what the stepper pane showed before each key.
private final class PauseKeys {
    private let model: InspectorModel
    private var keys: [FullScreenKey]
    private(set) var snapshots: [PaneSnapshot] = []
    /// Called before each key with the model as it is then.
    var inspect: (InspectorModel) -> Void = { _ in }

    init(_ keys: [FullScreenKey], model: InspectorModel) {
        self.keys = keys
        self.model = model
    }

    /// The next key's action; nil when the keys run out (StepSession then aborts the call).
    func next() -> InspectorAction? {
        while !keys.isEmpty {
            if let stepper = model.stepper {
                snapshots.append(PaneSnapshot(stepper: stepper, helpLine: InspectorKeys.helpLine(for: model)))
            }
            inspect(model)
            if let action = InspectorKeys.action(for: keys.removeFirst(), in: model) { return action }
        }
        return nil
    }

    var isDone: Bool { keys.isEmpty }
}

/// Prompts for the selected export with `s`, submits the arguments and runs the call with
/// `keys`; returns how often the screen was redrawn after an answer (while the guest ran on).
@discardableResult
private func step(_ model: InspectorModel, keys: PauseKeys) throws -> Int {
    let action = try #require(InspectorKeys.action(for: .character("s"), in: model))
    model.perform(action)
    model.perform(.submit)
    var redraws = 0
    model.runPendingCall(nextAction: keys.next, redraw: { redraws += 1 })
    return redraws
}

private func characters(_ text: String) -> [FullScreenKey] { text.map { .character($0) } }

@Suite("Inspector stepper pane")
struct InspectorStepTests {
    @Test(
        "s steps the selected export: the pane shows the host call, the policy's verdict and the frames; a allows it once"
    )
    func stepHostCall() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.perform(.focusNext)
        model.perform(.promptStep)
        #expect(model.prompt?.prefix == "step malicious.skill.run(")
        #expect(InspectorKeys.helpLine(for: model).contains("Enter step"))
        model.perform(.cancel)

        let keys = PauseKeys([.character("n"), .character("a")], model: model)
        keys.inspect = { model in
            #expect(model.focus == .audit)
            #expect(InspectorKeys.action(for: .character("g"), in: model) == .stepAnswer("grant"))
            #expect(InspectorKeys.action(for: .character("x"), in: model) == .stepAnswer("abort"))
            #expect(InspectorKeys.action(for: .character("q"), in: model) == .quit)
            #expect(InspectorKeys.action(for: .enter, in: model) == .stepAnswer("into"))
            #expect(InspectorKeys.action(for: .character("b"), in: model) == .stepInput("break "))
            #expect(InspectorKeys.action(for: .tab, in: model) == nil)
        }
        #expect(try step(model, keys: keys) == 2)
        #expect(keys.isDone)

        let first = try #require(keys.snapshots.first)
        #expect(first.headline == "paused before host call #1: malicious → filesystem.read-file(\"/etc/passwd\")")
        #expect(first.policy?.text == "DENY (no filesystem capability)")
        #expect(first.policy?.allows == false)
        #expect(first.frames.prefix(3) == ["host filesystem.read-file", "filesystem_read_file", "skill_run"])
        #expect(first.helpLine == "a allow  d deny  g grant  r revoke  c continue  x abort  ? keys")
        #expect(!first.helpLine.contains("n next"))
        #expect(first.log.isEmpty)

        // `next` does not apply without --debug: the pane shows StepSession's own complaint.
        let second = try #require(keys.snapshots.last)
        #expect(keys.snapshots.count == 2)
        #expect(second.headline == first.headline)
        #expect(second.log.count == 2)
        #expect(second.log.first == "step> next")
        #expect(
            second.log.last
                == "Error: 'next' steps wasm functions, which needs malicious loaded for debugging: "
                + "'reload malicious --debug' (calls then run slower)")

        #expect(model.stepper == nil)
        #expect(model.focus == .exports)
        #expect(model.status.kind == .success)
        #expect(model.status.message.hasPrefix("malicious.skill.run() → \"SUCCESS: Read /etc/passwd content:"))
        let newest = try #require(model.auditEvents.last)
        #expect(model.auditEvents.count == 1)
        #expect(model.auditLine(for: newest).hasPrefix("[ALLOWED once] malicious   filesystem.read-file"))
    }

    @Test("loaded with --debug the first pause is the export's entry; n and c move on; a break set by typing stops it")
    func stepFunctions() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        try session.execute("load malicious --debug")
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.perform(.focusNext)
        let keys = PauseKeys(
            [.character("a"), .character("n"), .character("b")] + characters("text_append")
                + [.enter, .character("c"), .character("q")],
            model: model)
        #expect(try step(model, keys: keys) == 5)  // allow, next, break text_append, continue, abort
        #expect(keys.isDone)

        let headlines = keys.snapshots.compactMap(\.headline)
        let first = try #require(keys.snapshots.first)
        #expect(first.headline == "paused entering skill_run (module 0 function 1), depth 1")
        #expect(first.policy == nil)
        #expect(first.helpLine == "Enter into  n next  f finish  b break  c continue  x abort  ? keys")
        #expect(
            keys.snapshots[2].helpLine == "a allow  d deny  g grant  Enter into  n next  c continue  x abort  ? keys")
        #expect(
            keys.snapshots[1].log.last
                == "Error: no host call is pending here; 'allow' answers a pause before a host call")
        #expect(keys.snapshots[2].headline?.hasPrefix("paused before host call #1: malicious") == true)
        // Typing the breakpoint: the answer line holds the text, then StepSession replies.
        let typing = try #require(keys.snapshots.first { $0.stepper.input != nil })
        #expect(typing.helpLine.contains("Enter send"))
        #expect(keys.snapshots.contains { $0.log.last == "breakpoint set: entering text_append" })
        let last = try #require(headlines.last)
        #expect(last.hasPrefix("paused entering text_append (module 0 function 6)"))
        #expect(last.hasSuffix("(breakpoint)"))

        // q at a pause aborts the call and keeps the inspector open.
        #expect(!model.isFinished)
        #expect(model.status.kind == .failure)
        #expect(model.status.message.hasPrefix("malicious.skill.run(): call aborted by the user entering text_append"))
        #expect(model.stepper == nil)
        model.perform(.quit)
        #expect(model.isFinished)
    }

    @Test("a component with DWARF: Enter steps by source line, the pane shows the code around it, v the locals")
    func stepSourceLines() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        try session.execute("load components/debug.wasm --debug")
        let model = try InspectorModel(session: session, selecting: "debug")
        model.perform(.focusNext)
        let keys = PauseKeys([.enter, .enter, .character("v"), .character("c")], model: model)
        keys.inspect = { model in
            #expect(InspectorKeys.action(for: .enter, in: model) == .stepAnswer("line"))
            #expect(InspectorKeys.action(for: .character("i"), in: model) == .stepAnswer("into"))
            #expect(InspectorKeys.action(for: .character("t"), in: model) == .stepAnswer("stepi"))
        }
        // sum-squares(0), the placeholder argument: line, line, locals, continue (each answer redraws).
        #expect(try step(model, keys: keys) == 4)
        #expect(keys.isDone)
        let first = try #require(keys.snapshots.first)
        #expect(first.headline == "paused entering sum_squares (module 0 function 1) at debug.c:26, depth 1")
        #expect(first.helpLine == "Enter line  n next  f finish  b break  c continue  x abort  ? keys")
        let line = try #require(keys.snapshots.dropFirst().first)
        #expect(line.headline == "paused at debug.c:27 in sum_squares, depth 1")
        let pane = InspectorView.stepperLines(line.stepper, width: 100, rows: 12).map(\.text)
        #expect(
            Array(pane.prefix(6)) == [
                "paused at debug.c:27 in sum_squares, depth 1",
                "   25  EXPORT(\"sum-squares\")",
                "   26  uint32_t sum_squares(uint32_t n) {",
                "=> 27    uint32_t total = 0;",
                "   28    for (uint32_t i = 1; i <= n; i++) {",
                "   29      // This comment line has no code: a breakpoint here moves to the next line.",
            ])
        #expect(InspectorView.stepperLines(line.stepper, width: 100, rows: 12)[3].role == .bold)
        // The code gives way first: one row is kept for the newest note.
        #expect(InspectorView.stepperLines(line.stepper, width: 100, rows: 3).count == 3)
        let locals = try #require(keys.snapshots.last)
        #expect(locals.log.contains("  uint32_t n = 0"))
        #expect(model.status.message.hasPrefix("debug.sum-squares(0) → 0"))
    }

    @Test("Esc at a host call aborts the call, which the audit records; with no keys left the call is aborted too")
    func abortAtHostCall() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.perform(.focusNext)
        #expect(try step(model, keys: PauseKeys([.escape], model: model)) == 1)
        #expect(!model.isFinished)
        #expect(
            model.status
                == InspectorStatus(
                    kind: .failure, message: "malicious.skill.run(): call aborted by the user before host call #1"))
        let aborted = try #require(model.auditEvents.last)
        #expect(aborted.decision.reason == "aborted")

        let (fresh, _) = try makeInspectorSession(loading: ["malicious"])
        let unanswered = try InspectorModel(session: fresh, selecting: "malicious")
        unanswered.perform(.focusNext)
        #expect(try step(unanswered, keys: PauseKeys([], model: unanswered)) == 0)
        #expect(unanswered.status.message == "malicious.skill.run(): call aborted by the user before host call #1")
        #expect(unanswered.auditEvents.last?.decision.reason == "aborted")
        #expect(unanswered.stepper == nil)
    }

    @Test("the stepper pane gives the headline and verdict first, then frames and the newest notes as room allows")
    func paneLines() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.perform(.focusNext)
        let keys = PauseKeys([.character("i"), .character("d")], model: model)
        #expect(try step(model, keys: keys) == 2)
        let stepper = try #require(keys.snapshots.last?.stepper)
        let frames = stepper.pause?.backtrace.enumerated().map { "  #\($0.offset) \($0.element)" } ?? []
        #expect(frames.prefix(3) == ["  #0 host filesystem.read-file", "  #1 filesystem_read_file", "  #2 skill_run"])
        let headline = "paused before host call #1: malicious → filesystem.read-file(\"/etc/passwd\")"
        let complaint = try #require(stepper.log.last?.line)
        #expect(complaint.hasPrefix("Error: 'into' steps wasm functions"))

        let roomy = InspectorView.stepperLines(stepper, width: 200, rows: 20)
        #expect(
            roomy.map(\.text)
                == [headline, "policy: DENY (no filesystem capability)", "backtrace, innermost first:"] + frames
                + ["step> into", complaint])
        #expect(roomy[1].role == .denied)
        #expect(roomy[0].role == .bold)
        #expect(roomy.last?.role == .error)

        // Notes longer than the pane is wide wrap, keeping their colour.
        let wrappedComplaint = InspectorText.wrapped(complaint, width: 60)
        #expect(wrappedComplaint.count > 1)
        let wrapped = InspectorView.stepperLines(stepper, width: 60, rows: 20)
        #expect(wrapped.suffix(wrappedComplaint.count).map(\.text) == wrappedComplaint)
        #expect(wrapped.suffix(wrappedComplaint.count).allSatisfy { $0.role == .error })

        // Five rows: the frames are cut (saying how many there are) and the newest note stays.
        let tight = InspectorView.stepperLines(stepper, width: 200, rows: 5)
        #expect(tight.count == 5)
        #expect(tight[2].text.hasPrefix("backtrace, innermost first (\(frames.count) frames;"))
        #expect(tight[3].text == "  #0 host filesystem.read-file")
        #expect(tight[4].text == complaint)

        // A narrow pane wraps the headline on two lines; one row holds only its start.
        let narrow = InspectorView.stepperLines(stepper, width: 40, rows: 3)
        #expect(
            narrow.map(\.text) == Array(InspectorText.wrapped(headline, width: 40).prefix(2)) + [
                "policy: DENY (no filesystem capability)"
            ])
        #expect(InspectorView.stepperLines(stepper, width: 200, rows: 1).map(\.text) == [headline])
        #expect(InspectorView.stepperLines(stepper, width: 200, rows: 0).isEmpty)
    }

    @Test("the stepper pane takes the upper area and leaves the audit pane, status and key help in view")
    func stepperLayout() {
        for (rows, columns) in [(24, 80), (12, 40), (50, 200)] {
            let layout = InspectorLayout(rows: rows, columns: columns, longestName: 9)
            #expect(layout.stepper.row == 1)
            #expect(layout.stepper.width == columns)
            #expect(layout.stepper.row + layout.stepper.height == layout.audit.row)
            #expect(layout.stepper.bodyRows >= 4, "\(rows)x\(columns)")
            #expect(layout.audit.row + layout.audit.height <= layout.statusRow)
        }
    }

    @Test("while the inspector is open the session writes to it: no audit lines, messages under the status")
    func outputRedirection() throws {
        let (session, output) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.perform(.focusNext)
        let printedBefore = output.standardOutput
        session.output.redirecting(to: model.output, showingAuditLines: false) {
            model.perform(.activate)
            model.perform(.submit)
            model.runPendingCall()
            session.print("a message")
        }
        #expect(output.standardOutput == printedBefore)
        #expect(model.auditEvents.count == 1)
        model.absorbOutput()
        #expect(model.status.kind == .success)
        #expect(model.status.message.hasSuffix("\na message"))
        #expect(model.status.line.hasSuffix(" …"))
        model.absorbOutput()
        #expect(model.status.message.components(separatedBy: "a message").count == 2)

        // Errors written during a pause land in the stepper pane, styled text made plain.
        let keys = PauseKeys([.character("?"), .character("?"), .character("d")], model: model)
        keys.inspect = { _ in session.output.writeError("\u{1B}[1m\u{1B}[31mError:\u{1B}(B\u{1B}[m oops\n") }
        session.output.redirecting(to: model.output, showingAuditLines: false) {
            model.perform(.promptStep)
            model.perform(.submit)
            model.runPendingCall(nextAction: {
                let action = keys.next()
                model.absorbOutput()
                return action
            })
        }
        #expect(keys.snapshots.count == 3)
        #expect(keys.snapshots[1].log == ["Error: oops"])
        #expect(keys.snapshots[2].log == ["Error: oops", "Error: oops"])
        #expect(output.standardOutput == printedBefore)

        // Back to the session's own output afterwards, also when the body throws.
        #expect(throws: ShellError.self) {
            try session.output.redirecting(to: BufferedOutput(), showingAuditLines: true) { throw ShellError("x") }
        }
        try session.execute("call malicious.run()")
        #expect(output.standardOutput.contains("[DENIED]  malicious"))
        #expect(
            output.standardOutput.hasSuffix(
                "\"BLOCKED: Failed to read /etc/passwd - Permission denied: component \\'malicious\\' does not have filesystem capability\"\n"
            ))
    }
}

@Suite("Inspector stepping on a terminal", .serialized)
struct InspectorStepPTYTests {
    @Test("s on an export pauses before the host call; a allows it once; the result shows; q leaves")
    func stepAndAllow() throws {
        let shell = try InteractiveSession()
        try shell.openInspector(loading: "malicious")
        try shell.process.send("\ts")
        try shell.process.waitFor("step malicious.skill.run(")
        try shell.process.send("\r")
        try shell.process.waitFor("paused before host call #1")
        try shell.process.waitFor("DENY (no filesystem capability)")
        try shell.process.waitFor("host filesystem.read-file")
        try shell.process.resize(columns: 90, rows: 20)
        try shell.process.waitFor("paused before host call #1")  // a resize repaints the pause
        try shell.process.send("a")
        try shell.process.waitFor("ALLOWED once")
        try shell.process.waitFor("SUCCESS: Read /etc/passwd")
        // Only the audit pane showed the event: the session's audit line was not written.
        #expect(shell.process.text.components(separatedBy: "ALLOWED once").count == 2)
        try shell.process.send("q")
        try shell.prompt()
        #expect(try shell.run("audit --last 1").contains("[ALLOWED once] malicious"))
        try shell.quit()
    }

    @Test("loaded with --debug the first pause is skill_run's entry; n goes to the host call, c runs to the end")
    func stepDebug() throws {
        let shell = try InteractiveSession()
        try shell.openInspector(loading: "malicious --debug")
        try shell.process.send("\ts\r")
        try shell.process.waitFor("paused entering skill_run")
        try shell.process.send("n")
        // Only what changed on a line is redrawn: "paused " stays.
        try shell.process.waitFor("host call #1: malicious")
        try shell.process.send("c")
        try shell.process.waitFor("BLOCKED: Failed to read /etc/passwd")
        try shell.process.send("q")
        try shell.prompt()
        #expect(try shell.run("audit --last 1").contains("[DENIED]  malicious"))
        try shell.quit()
    }
}
