/// One shell command: its name, its help, and what it does.
///
/// Each command lives in its own file with its help text beside its code.
protocol ShellCommand {
    static var name: String { get }
    /// `load PATH-or-NAME [as ALIAS]`
    static var usage: String { get }
    static var summary: String { get }
    /// Shown by `help CMD`; one or more example lines.
    static var example: String { get }
    /// Runs with the text after the command word (leading spaces removed).
    static func run(_ arguments: String, in session: Session) throws
}
