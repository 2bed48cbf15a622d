enum HelpCommand: ShellCommand {
    static let name = "help"
    static let aliases = ["?"]
    static let syntax = CommandSyntax([.optional([.argument(Argument("COMMAND", .command))])])
    static let summary = "list commands, or show one command's usage and an example (? does too)"
    static let example = "help\nhelp grant"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if let word = arguments["COMMAND"] {
            let command = try CommandTable.find(word)
            session.print("usage: \(command.usage)")
            if !command.aliases.isEmpty {
                session.print("  also: " + command.aliases.joined(separator: ", "))
            }
            session.printWrapped("  \(command.summary)", indent: 2)
            session.print("example:")
            for line in command.example.split(separator: "\n") { session.print("  \(line)") }
            return
        }
        session.printWrapped("commands (unique prefixes work; 'help COMMAND' for details):", indent: 2)
        let width = CommandTable.names.map(\.count).max() ?? 0
        for command in CommandTable.all {
            session.printWrapped(
                "  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)",
                indent: width + 4)
        }
    }
}
