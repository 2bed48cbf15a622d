/// Why a full-screen view could not open.
public enum FullScreenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file).
    case notATerminal(String)
    /// The terminal cannot address the cursor: TERM unset or dumb, or no terminfo entry.
    case unsupportedTerminal(String)
    /// A full screen is already open in this process.
    case alreadyActive

    public var description: String {
        switch self {
        case .notATerminal(let what):
            return "cannot open a full-screen view: \(what) is not a terminal"
        case .unsupportedTerminal(let why):
            return "cannot open a full-screen view: \(why)"
        case .alreadyActive:
            return "cannot open a full-screen view: one is already open"
        }
    }
}
