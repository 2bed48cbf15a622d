enum QuitCommand: ShellCommand {
    static let name = "quit"
    static let aliases = ["exit"]
    static let syntax = CommandSyntax([])
    static let summary = "leave the shell (Ctrl-D does too)"
    static let example = "quit"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        session.quitRequested = true
    }
}
