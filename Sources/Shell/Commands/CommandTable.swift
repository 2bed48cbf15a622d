import Capabilities
import WasmComponent

/// All commands, and how a typed word finds one: the exact name or an alias (`exit`, `?`), the
/// same in another case (`HELP`), else a unique prefix; otherwise the error suggests the closest.
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

    /// Every name and alias, with the command's place in `all`: the exact look-up every command
    /// line makes.
    private static let placeBySpelling: [String: Int] = {
        var table: [String: Int] = [:]
        for (place, command) in all.enumerated() {
            for spelling in [command.name] + command.aliases where table[spelling] == nil { table[spelling] = place }
        }
        return table
    }()

    static func find(_ word: String) throws(ShellError) -> any ShellCommand.Type {
        // The exact spelling first: no lower-cased copy for a command typed as it is named.
        if let place = placeBySpelling[word] ?? placeBySpelling[word.lowercased()] { return all[place] }
        let lowered = word.lowercased()
        let matches = all.filter { $0.name.hasPrefix(lowered) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            let names = all.flatMap { [$0.name] + $0.aliases }
            let hint = Suggestions.didYouMean(word, among: names).map { "\($0) (type 'help' for the list)" }
            throw ShellError("unknown command \(QuotedPath(word)); \(hint ?? "type 'help' for the list")")
        }
        throw ShellError("'\(word)' is ambiguous: \(matches.map { $0.name }.joined(separator: ", "))")
    }
}
