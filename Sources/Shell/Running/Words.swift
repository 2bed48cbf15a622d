/// Splits command arguments into words: whitespace separates, "double" and 'single' quotes
/// group (for paths with spaces), a backslash escapes the next character outside single quotes.
enum Words {
    static func split(_ text: String) throws(ShellError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw ShellError("unterminated \(quote) quote") }
        if escaped { throw ShellError("a backslash at the end of the line escapes nothing") }
        if inWord { words.append(current) }
        return words
    }
}
