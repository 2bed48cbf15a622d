/// What went wrong in the line editor, with enough context to print as is.
public enum LineEditorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input is not a terminal; read lines without an editor instead.
    case notATerminal
    /// libedit could not start (`el_init` or `history_init` failed).
    case initializationFailed(String)
    /// Reading from the terminal failed with this errno.
    case readFailed(errno: Int32)
    /// The history file exists but could not be read as libedit history.
    case historyLoadFailed(path: String, reason: String)
    /// The history file could not be written.
    case historySaveFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "line editor: standard input is not a terminal"
        case .initializationFailed(let what):
            return "line editor: could not initialise libedit (\(what))"
        case .readFailed(let code):
            return "line editor: reading the terminal failed: \(LineEditorError.message(for: code))"
        case .historyLoadFailed(let path, let reason):
            return "line editor: cannot load history from \(path): \(reason)"
        case .historySaveFailed(let path, let reason):
            return "line editor: cannot save history to \(path): \(reason)"
        }
    }

    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
