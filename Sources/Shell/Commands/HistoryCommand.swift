enum HistoryCommand: ShellCommand {
    static let name = "history"
    static let syntax = CommandSyntax([])
    static let summary = "list the commands of this session (the last \(Session.historyLimit))"
    static let example = "history"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        // The `history` line itself is the last entry; lines are numbered from the session's
        // first, those let go included.
        let lines = session.history.dropLast()
        let shown = lines.suffix(Session.historyLimit)
        let firstNumber = session.historyDropped + (lines.count - shown.count) + 1
        for (index, line) in shown.enumerated() {
            session.print("\(String(firstNumber + index).leftPadded(to: 4))  \(line)")
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
