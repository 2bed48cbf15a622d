import Capabilities
import WasmComponent

/// Shortens WAVE text for one terminal line without breaking its shape: a cut inside a string
/// literal closes the literal, open brackets are closed again, so `ok("Hello from the sandbox!")`
/// cut to 10 characters reads `ok("Hello…")`. For display only; the audit log keeps the full text.
enum DisplayTruncation {
    static func truncate(_ text: String, toCharacters limit: Int) -> String {
        let characters = Array(text)
        if characters.count <= limit { return sanitized(text) }
        var output = ""
        var closers: [Character] = []
        var quote: Character? = nil
        var index = 0
        while index < characters.count, output.count < limit {
            let character = characters[index]
            if let open = quote {
                if character == "\\" {
                    // Keep an escape whole or leave it out.
                    var end = index + 1
                    if end < characters.count, characters[end] == "u" {
                        while end < characters.count, characters[end] != "}" { end += 1 }
                    }
                    let escape = characters[index...min(end, characters.count - 1)]
                    if output.count + escape.count > limit { break }
                    output.append(contentsOf: escape)
                    index = end + 1
                    continue
                }
                if character == open { quote = nil }
            } else {
                switch character {
                case "\"", "'": quote = character
                case "(": closers.append(")")
                case "[": closers.append("]")
                case "{": closers.append("}")
                case ")", "]", "}": if !closers.isEmpty { closers.removeLast() }
                default: break
                }
            }
            output.append(character)
            index += 1
        }
        if quote != nil {
            while output.last == " " { output.removeLast() }
        }
        output.append("…")
        if let quote { output.append(quote) }
        output.append(contentsOf: closers.reversed())
        return sanitized(output)
    }

    /// Nothing a terminal could act on reaches it raw (WAVE escapes such characters already;
    /// error messages and names might not). Backslashes stay: in WAVE they begin escapes.
    static func sanitized(_ text: String) -> String {
        ControlCharacterEscaper.escaped(text, maximumScalars: .max, escapingBackslashes: false)
    }
}
