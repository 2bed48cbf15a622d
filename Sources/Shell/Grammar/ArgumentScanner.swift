/// Splits a command's arguments into words: whitespace separates, "double" and 'single' quotes
/// group (for paths with spaces), a backslash escapes the next character outside single quotes.
/// Each word keeps where it starts, so an argument that takes the rest of the line (a call) can
/// take it as written. A word that cannot end (an open quote) is an error only when reached.
struct ArgumentScanner {
    struct Word: Sendable, Equatable {
        let text: String
        /// Where the word starts in the scanned text.
        let start: String.Index
        /// True when quoting or escaping made it: then it never reads as a flag.
        let isQuoted: Bool
    }

    private(set) var words: [Word] = []
    /// Why scanning stopped before the end of the text, if it did.
    private(set) var failure: ShellError?
    /// Where the word that could not end starts (a call taking the rest of the line starts there).
    private(set) var failureStart: String.Index?

    /// `separators` stand alone as words even without spaces around them (`let x=call ...`).
    init(_ text: String, separators: Set<Character> = []) {
        var current = ""
        var start: String.Index?
        var isQuoted = false
        var quote: Character?
        var escaped = false
        func finish() {
            if let start { words.append(Word(text: current, start: start, isQuoted: isQuoted)) }
            current = ""
            start = nil
            isQuoted = false
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            defer { index = text.index(after: index) }
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                isQuoted = true
                if start == nil { start = index }
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                isQuoted = true
                if start == nil { start = index }
            } else if character.isWhitespace {
                finish()
            } else if separators.contains(character) {
                finish()
                words.append(Word(text: String(character), start: index, isQuoted: false))
            } else {
                if start == nil { start = index }
                current.append(character)
            }
        }
        if let quote {
            failure = ShellError("unterminated \(quote) quote")
            failureStart = start
        } else if escaped {
            failure = ShellError("a backslash at the end of the line escapes nothing")
            failureStart = start
        } else {
            finish()
        }
    }
}
