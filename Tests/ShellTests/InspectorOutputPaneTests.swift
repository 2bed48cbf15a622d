import Foundation
import Testing

@testable import Shell

@Suite("The inspector's output pane")
struct InspectorOutputPaneTests {
    @Test("while the inspector is open a guest's lines reach its output pane and not the terminal")
    func guestLinesGoToThePane() throws {
        let (session, output) = try makeInspectorSession(loading: [])
        let hello = repositoryRoot.appendingPathComponent("components/wasi/hello.wasm").path
        try session.execute("load \(hello)")
        try session.execute("grant hello stdout")
        try session.execute("grant hello stderr")
        let model = try InspectorModel(session: session)
        let printedBefore = output.standardOutput
        let errorsBefore = output.standardError
        try session.output.redirecting(to: model.output, showingAuditLines: false) {
            try session.execute("run hello")
        }
        #expect(output.standardOutput == printedBefore)
        #expect(output.standardError == errorsBefore)
        let (lines, total) = model.guestLines
        #expect(total == 2)
        #expect(lines.map(\.shown) == ["hello: hello from wasi", "hello (stderr): hello on stderr"])
        #expect(model.output.take().allSatisfy { !$0.message.contains("hello from wasi") })

        // Outside the inspector the lines are printed as before, and still kept for the pane.
        try session.execute("run hello")
        #expect(output.standardOutput.dropFirst(printedBefore.count).contains("hello: hello from wasi\n"))
        #expect(model.guestLines.total == 4)
    }

    @Test("a call made in the inspector ends there: its stream summary does not leak out after it is left")
    func callsEndInTheInspector() throws {
        let (session, output) = try makeInspectorSession(loading: [])
        let hello = repositoryRoot.appendingPathComponent("components/wasi/hello.wasm").path
        try session.execute("load \(hello)")
        try session.execute("grant hello stdout")
        let model = try InspectorModel(session: session)
        let printedBefore = output.standardOutput
        session.output.redirecting(to: model.output, showingAuditLines: false) { model.call("hello.run.run()") }
        try session.execute("vars")
        let printedAfter = String(output.standardOutput.dropFirst(printedBefore.count))
        #expect(!printedAfter.contains("stdout: 1 write"))
        #expect(model.guestLines.lines.map(\.shown) == ["hello: hello from wasi"])
    }

    @Test("the pane scrolls back through older lines and End returns to the newest")
    func scrolling() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        for number in 1...6 {
            session.guestLines.append(.init(component: "c", isError: false, text: "line \(number)"))
        }
        let model = try InspectorModel(session: session)
        model.visibleRows[.output] = 2
        let lines = model.guestLines.lines
        #expect(model.visibleGuestLines(rows: 2, of: lines).map(\.text) == ["line 5", "line 6"])
        while model.focus != .output { model.perform(.focusNext) }
        model.perform(.move(-3))
        #expect(model.visibleGuestLines(rows: 2, of: lines).map(\.text) == ["line 2", "line 3"])
        model.perform(.moveToFirst)
        #expect(model.visibleGuestLines(rows: 2, of: lines).map(\.text) == ["line 1", "line 2"])
        model.perform(.moveToLast)
        #expect(model.visibleGuestLines(rows: 2, of: lines).map(\.text) == ["line 5", "line 6"])
    }

    @Test("the session keeps a bounded number of guest lines, and counts them all")
    func bounded() {
        let log = GuestOutputLog()
        for number in 0..<(3 * GuestOutputLog.capacity + 7) {
            log.append(.init(component: "c", isError: number % 2 == 0, text: "\(number)"))
        }
        let (lines, total) = log.lines
        #expect(total == 3 * GuestOutputLog.capacity + 7)
        #expect(lines.count == GuestOutputLog.capacity)
        #expect(lines.last?.text == "\(total - 1)")
    }
}
