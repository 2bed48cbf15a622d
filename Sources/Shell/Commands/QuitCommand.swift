enum QuitCommand: ShellCommand {
    static let name = "quit"
    static let usage = "quit"
    static let summary = "leave the shell (Ctrl-D does too)"
    static let example = "quit"

    static func run(_ arguments: String, in session: Session) throws {
        guard arguments.isEmpty else { throw ShellError("usage: \(usage)") }
        session.quitRequested = true
    }
}
