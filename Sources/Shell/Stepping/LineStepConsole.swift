/// Pauses on the session's output; answers from the `step>` prompt or the script's next lines.
final class LineStepConsole: StepConsole {
    private let session: Session

    init(session: Session) {
        self.session = session
    }

    func show(_ pause: StepPause) {
        var line = pause.headline
        if let policy = pause.policySummary {
            line += "   policy: " + session.style(policy.allows ? .allowed : .denied, policy.text)
        }
        session.print(line)
    }

    func readAnswer() -> String? {
        session.readStepAnswer?("step>")
    }

    func reply(_ text: String) {
        session.print(text)
    }

    func complain(_ message: String) {
        session.output.writeError(session.style(.error, "Error:") + " \(message)\n")
    }
}
