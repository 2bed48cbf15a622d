/// One shell command: its name, its syntax, its help, and what it does.
///
/// Each command lives in its own file with its help text beside its code. Its `syntax` is the
/// one declaration of its arguments: the line is parsed by it, completed by it, and `help`
/// shows the usage it renders.
protocol ShellCommand {
    static var name: String { get }
    /// Other words that mean the command (`exit` for `quit`); not offered by completion.
    static var aliases: [String] { get }
    static var syntax: CommandSyntax { get }
    static var summary: String { get }
    /// Shown by `help CMD`; one or more example lines.
    static var example: String { get }
    /// Runs with the line's arguments, matched against `syntax`.
    static func run(_ arguments: ParsedArguments, in session: Session) throws
}

extension ShellCommand {
    static var aliases: [String] { [] }

    /// `load PATH-or-NAME [as ALIAS] [--debug]`
    static var usage: String { syntax.usage(command: name) }

    /// Parses the text after the command word and runs the command.
    static func run(line arguments: String, in session: Session) throws {
        try run(try syntax.parse(arguments, command: name), in: session)
    }
}
