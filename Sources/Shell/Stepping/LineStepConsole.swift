/// Pauses on the session's output; answers from the `step>` prompt or the script's next lines.
final class LineStepConsole: StepConsole {
    private let session: Session

    init(session: Session) {
        self.session = session
    }

    func show(_ pause: StepPause) {
        var line = DisplayTruncation.sanitized(pause.headline)
        if let policy = pause.policySummary {
            line += "   policy: " + session.style(policy.allows ? .allowed : .denied, policy.text)
        }
        session.print(line)
        for detail in pause.details { session.print(DisplayTruncation.sanitized(detail)) }
    }

    func readAnswer() -> String? {
        session.readStepAnswer?("step>")
    }

    /// Names, files and values come from the component: each line is escaped before it is printed.
    func reply(_ text: String) {
        session.print(Self.escaped(text))
    }

    func complain(_ message: String) {
        session.output.writeError(session.style(.error, "Error:") + " \(Self.escaped(message))\n")
    }

    private static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayTruncation.sanitized(String($0)) }
            .joined(separator: "\n")
    }
}
