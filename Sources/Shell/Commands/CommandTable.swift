import Capabilities

/// All commands, and how a typed word finds one: exact name, else a unique prefix.
enum CommandTable {
    static var all: [any ShellCommand.Type] {
        [
            LoadCommand.self, UnloadCommand.self, ReloadCommand.self, ComponentsCommand.self, ImportsCommand.self,
            ExportsCommand.self, WitCommand.self, GrantCommand.self, RevokeCommand.self, GrantsCommand.self,
            SaveCommand.self, CallCommand.self, RunCommand.self, ShowCommand.self, StepCommand.self, BreakCommand.self,
            DeleteCommand.self, SourceDirCommand.self, WatchCommand.self, LetCommand.self, VarsCommand.self,
            DropCommand.self,
            AuditCommand.self, LimitsCommand.self, HelpCommand.self, HistoryCommand.self, SourceCommand.self,
            QuitCommand.self,
            InspectCommand.self,
        ]
    }

    static var names: [String] { all.map { $0.name } }

    static func find(_ word: String) throws(ShellError) -> any ShellCommand.Type {
        if let exact = all.first(where: { $0.name == word }) { return exact }
        let matches = all.filter { $0.name.hasPrefix(word) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw ShellError("unknown command \(QuotedPath(word)); type 'help' for the list") }
        throw ShellError("'\(word)' is ambiguous: \(matches.map { $0.name }.joined(separator: ", "))")
    }
}
