/// One WAVE token: its kind and its byte range in the UTF-8 text being parsed.
struct WAVEToken {
    enum Kind {
        case braceOpen, braceClose, parenOpen, parenClose, bracketOpen, bracketClose
        case colon, comma
        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?` or `-inf`.
        case number
        /// A label or keyword, possibly with a `%` prefix.
        case label
        case char
        case string
        case multilineString
        /// `$name`: a value kept by the shell, resolved through the caller's lookup.
        case variable
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int

    var isOpener: Bool { kind == .braceOpen || kind == .parenOpen || kind == .bracketOpen }
    var isCloser: Bool { kind == .braceClose || kind == .parenClose || kind == .bracketClose }
}
