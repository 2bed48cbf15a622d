/// One possible completion.
public struct CompletionCandidate: Sendable, Hashable {
    /// Replaces the completed range when this candidate is chosen.
    public var text: String
    /// Shown in the list of candidates (a file name without its directory, say).
    public var display: String
    /// Appended after `text` when it is the only candidate: a space after a finished word,
    /// nothing after `dir/` or `name(`.
    public var terminator: String

    public init(_ text: String, display: String? = nil, terminator: String = " ") {
        self.text = text
        self.display = display ?? text
        self.terminator = terminator
    }
}
