/// One possible completion.
public struct CompletionCandidate: Sendable, Hashable {
    /// Replaces the completed range when this candidate is chosen.
    public var text: String
    /// Shown in the list of candidates (a file name without its directory, say).
    public var display: String
    /// Appended after `text` when it is the only candidate: a space after a finished word,
    /// nothing after `dir/` or `name(`.
    public var terminator: String
    /// How many characters (Unicode scalars) of `text` and `terminator` end up after the cursor
    /// when this candidate is inserted alone: 1 leaves it before the `)` of a completed call,
    /// where the placeholders it inserted are easy to replace.
    public var charactersAfterCursor: Int

    public init(_ text: String, display: String? = nil, terminator: String = " ", charactersAfterCursor: Int = 0) {
        self.text = text
        self.display = display ?? text
        self.terminator = terminator
        self.charactersAfterCursor = charactersAfterCursor
    }
}
