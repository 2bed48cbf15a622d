/// What a completion handler found: the candidates, and which part of the line they replace.
public struct CompletionResult: Sendable {
    /// Part of `CompletionRequest.line` that a candidate replaces, usually the word before the
    /// cursor. Must be indices of that same string.
    public var replacing: Range<String.Index>
    public var candidates: [CompletionCandidate]

    public init(replacing: Range<String.Index>, candidates: [CompletionCandidate]) {
        self.replacing = replacing
        self.candidates = candidates
    }

    /// Candidates given as plain words: each one ends with a space when it is the only one.
    public init(replacing: Range<String.Index>, words: [String]) {
        self.init(replacing: replacing, candidates: words.map { CompletionCandidate($0) })
    }
}
