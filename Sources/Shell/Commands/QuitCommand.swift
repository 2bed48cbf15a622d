enum QuitCommand: ShellCommand {
    static let name = "quit"
    static let aliases = ["exit"]
    static let syntax = CommandSyntax([])
    static let summary = "leave the shell (exit does too, and Ctrl-D)"
    static let example = "quit"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        session.quitRequested = true
    }
}
