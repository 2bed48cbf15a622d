enum HistoryCommand: ShellCommand {
    static let name = "history"
    static let syntax = CommandSyntax([])
    static let summary = "list the commands of this session"
    static let example = "history"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        // The `history` line itself is the last entry.
        for (index, line) in session.history.dropLast().enumerated() {
            session.print("\(String(index + 1).leftPadded(to: 4))  \(line)")
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
