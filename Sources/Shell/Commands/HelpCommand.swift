enum HelpCommand: ShellCommand {
    static let name = "help"
    static let syntax = CommandSyntax([.optional([.argument(Argument("COMMAND", .command))])])
    static let summary = "list commands, or show one command's usage and an example"
    static let example = "help\nhelp grant"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if let word = arguments["COMMAND"] {
            let command = try CommandTable.find(word)
            session.print("usage: \(command.usage)")
            session.print("  \(command.summary)")
            session.print("example:")
            for line in command.example.split(separator: "\n") { session.print("  \(line)") }
            return
        }
        session.print("commands (unique prefixes work; 'help COMMAND' for details):")
        let width = CommandTable.names.map(\.count).max() ?? 0
        for command in CommandTable.all {
            session.print("  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)")
        }
    }
}
