/// How a `LineEditor` starts. Everything except the program name has a sensible default.
public struct LineEditorConfiguration: Sendable {
    /// libedit's editing key maps; `~/.editrc` may switch them (`bind -v`).
    public enum EditingMode: String, Sendable {
        case emacs
        case vi
    }

    /// Name given to libedit; `~/.editrc` lines prefixed `NAME:` apply only to this program.
    public var programName: String
    /// History file to load at start and rewrite after every entered line; nil keeps history in
    /// memory only.
    public var historyFile: String?
    /// Most entries kept in memory and in the file; the oldest are dropped first.
    public var historySize: Int
    /// Whether `readLine()` adds every non-blank line to the history itself.
    public var recordsHistory: Bool
    public var editingMode: EditingMode
    /// Whether to read `$EDITRC` or `~/.editrc` after the default key bindings.
    public var readsEditrc: Bool
    /// Most completion candidates listed below the line; the rest are summarised as a count.
    public var maximumListedCandidates: Int

    public init(
        programName: String,
        historyFile: String? = nil,
        historySize: Int = 1000,
        recordsHistory: Bool = true,
        editingMode: EditingMode = .emacs,
        readsEditrc: Bool = true,
        maximumListedCandidates: Int = 200
    ) {
        self.programName = programName
        self.historyFile = historyFile
        self.historySize = historySize
        self.recordsHistory = recordsHistory
        self.editingMode = editingMode
        self.readsEditrc = readsEditrc
        self.maximumListedCandidates = maximumListedCandidates
    }
}
