import Foundation
import Testing

@testable import Shell

@Suite("history")
struct HistoryCommandTests {
    @Test("a long session keeps its latest lines, numbered from its first, and lets the oldest go")
    func longSessionIsBounded() throws {
        let (session, output) = try makeInspectorSession(loading: [])
        let lines = 2 * Session.historyLimit + 105
        // Each line names a number; the command refuses it, but a refused line is history too.
        for number in 1...lines { _ = try? session.execute("vars \(number)") }
        #expect(session.history.count < 2 * Session.historyLimit)
        #expect(session.historyDropped + session.history.count == lines)

        let before = output.standardOutput.count
        try session.execute("history")
        let shown = String(output.standardOutput.dropFirst(before)).split(separator: "\n")
        #expect(shown.count == Session.historyLimit)
        #expect(shown.first == "\(lines - Session.historyLimit + 1)  vars \(lines - Session.historyLimit + 1)")
        #expect(shown.last == "\(lines)  vars \(lines)")
    }
}
