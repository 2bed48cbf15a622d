/// Splits WAVE text (as UTF-8 bytes) into tokens, skipping whitespace and `//` comments.
///
/// It finds where each token ends and rejects what can never be a token; literal contents
/// (escapes, the one scalar of a char, multiline layout) are checked by `WAVELiteralDecoder`
/// when the parser needs the value.
struct WAVELexer {
    let bytes: [UInt8]
    private(set) var position: Int = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next token without consuming it.
    func peek() throws(WAVEError) -> WAVEToken {
        var copy = self
        return try copy.next()
    }

    mutating func next() throws(WAVEError) -> WAVEToken {
        skipWhitespaceAndComments()
        let start = position
        guard start < bytes.count else { return WAVEToken(kind: .end, start: start, end: start) }
        let byte = bytes[start]
        let single: WAVEToken.Kind?
        switch byte {
        case UInt8(ascii: "{"): single = .braceOpen
        case UInt8(ascii: "}"): single = .braceClose
        case UInt8(ascii: "("): single = .parenOpen
        case UInt8(ascii: ")"): single = .parenClose
        case UInt8(ascii: "["): single = .bracketOpen
        case UInt8(ascii: "]"): single = .bracketClose
        case UInt8(ascii: ":"): single = .colon
        case UInt8(ascii: ","): single = .comma
        default: single = nil
        }
        if let single {
            position += 1
            return WAVEToken(kind: single, start: start, end: position)
        }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try lexNumber()
        case UInt8(ascii: "%"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try lexLabel()
        case UInt8(ascii: "'"):
            return try lexChar()
        case UInt8(ascii: "\""):
            return try lexString()
        case UInt8(ascii: "$"):
            return try lexVariable()
        default:
            throw error("unexpected character \(describeCharacter(at: start))", at: start)
        }
    }

    /// The token's source text.
    func text(of token: WAVEToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    func error(_ message: String, at byteOffset: Int, isTypeMismatch: Bool = false) -> WAVEError {
        WAVEError(
            message: message, offset: Self.characterOffset(of: byteOffset, in: bytes),
            isTypeMismatch: isTypeMismatch)
    }

    /// Characters (as a terminal shows them) before `byteOffset`; only computed for errors.
    static func characterOffset(of byteOffset: Int, in bytes: some Collection<UInt8>) -> Int {
        let prefix = bytes.prefix(max(byteOffset, 0))
        // ASCII without a carriage return ("\r\n" is one Character): one Character per byte,
        // counted without breaking the text into graphemes.
        if !prefix.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) { return prefix.count }
        return String(decoding: prefix, as: UTF8.self).count
    }

    // MARK: - Token kinds

    private mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "/") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "/"):
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
            default:
                return
            }
        }
    }

    private mutating func lexNumber() throws(WAVEError) -> WAVEToken {
        let start = position
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if matches("inf", at: position) && !isWordByte(at: position + 3) {
                position += 3
                return WAVEToken(kind: .number, start: start, end: position)
            }
        }
        var valid = isDigit(at: position)
        if valid {
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while isDigit(at: position) { position += 1 }
            }
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                position += 1
                valid = isDigit(at: position)
                while isDigit(at: position) { position += 1 }
            }
            if valid && position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count
                    && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
                {
                    position += 1
                }
                valid = isDigit(at: position)
                while isDigit(at: position) { position += 1 }
            }
        }
        // `01`, `1.`, `1x`, `-`: report the whole word, not a confusing split into two tokens.
        if !valid || isWordByte(at: position) || (position < bytes.count && bytes[position] == UInt8(ascii: ".")) {
            while isWordByte(at: position) || (position < bytes.count && bytes[position] == UInt8(ascii: ".")) {
                position += 1
            }
            if position == start + 1 { throw error("unexpected character '-'", at: start) }
            throw error("invalid number \(String(decoding: bytes[start..<position], as: UTF8.self))", at: start)
        }
        return WAVEToken(kind: .number, start: start, end: position)
    }

    /// `%?word(-word)*`: the first word starts with a letter, each word is all lowercase or all
    /// uppercase (digits allowed), as WIT identifiers are.
    private mutating func lexLabel() throws(WAVEError) -> WAVEToken {
        let start = position
        if bytes[position] == UInt8(ascii: "%") { position += 1 }
        let labelStart = position
        while isWordByte(at: position) || (position < bytes.count && bytes[position] == UInt8(ascii: "-")) {
            position += 1
        }
        guard isValidLabel(bytes[labelStart..<position]) else {
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if position == labelStart { throw error("expected a label after '%'", at: start) }
            throw error("invalid label \(text)", at: start)
        }
        return WAVEToken(kind: .label, start: start, end: position)
    }

    private mutating func lexChar() throws(WAVEError) -> WAVEToken {
        let start = position
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "'"):
                position += 1
                return WAVEToken(kind: .char, start: start, end: position)
            case UInt8(ascii: "\\"):
                position += 2
            case UInt8(ascii: "\n"):
                throw error("unterminated char literal", at: start)
            default:
                position += 1
            }
        }
        throw error("unterminated char literal", at: start)
    }

    private mutating func lexString() throws(WAVEError) -> WAVEToken {
        let start = position
        if matches("\"\"\"", at: position) {
            // Ends at the next `"""`, escaped or not: the spec forbids `\"""` inside.
            var index = position + 3
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "\"") && bytes[index + 1] == UInt8(ascii: "\"")
                    && bytes[index + 2] == UInt8(ascii: "\"")
                {
                    position = index + 3
                    return WAVEToken(kind: .multilineString, start: start, end: position)
                }
                index += 1
            }
            throw error("unterminated multiline string", at: start)
        }
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return WAVEToken(kind: .string, start: start, end: position)
            case UInt8(ascii: "\\"):
                position += 2
            case UInt8(ascii: "\n"):
                throw error("unterminated string (write a line break as \\n)", at: start)
            default:
                position += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func lexVariable() throws(WAVEError) -> WAVEToken {
        let start = position
        position += 1
        guard position < bytes.count, isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "_") else {
            throw error("expected a variable name after '$'", at: start)
        }
        while isWordByte(at: position) || (position < bytes.count && bytes[position] == UInt8(ascii: "-")) {
            position += 1
        }
        return WAVEToken(kind: .variable, start: start, end: position)
    }

    // MARK: - Bytes

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            literalBytes.elementsEqual(bytes[index..<index + count])
        }
    }

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Letters, digits and `_`: what may not directly follow a number or end a label.
    private func isWordByte(at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private func isValidLabel(_ label: ArraySlice<UInt8>) -> Bool {
        var wordStart = true
        var sawLower = false
        var sawUpper = false
        var first = true
        for byte in label {
            switch byte {
            case UInt8(ascii: "-"):
                if wordStart { return false }
                wordStart = true
                sawLower = false
                sawUpper = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                if sawUpper { return false }
                sawLower = true
                wordStart = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if sawLower { return false }
                sawUpper = true
                wordStart = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if first { return false }
                wordStart = false
            default:
                return false
            }
            first = false
        }
        return !label.isEmpty && !wordStart
    }

    private func describeCharacter(at index: Int) -> String {
        Self.describeCharacter(in: bytes, at: index)
    }

    /// The character starting at byte `index`, as a WAVE char literal (`'x'`, `'\n'`), for messages.
    static func describeCharacter(in bytes: [UInt8], at index: Int) -> String {
        let scalar =
            String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
            .unicodeScalars.first ?? "?"
        var out = ""
        WAVETextEscaper.appendChar(scalar, to: &out)
        return out
    }
}
