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
        // Nearly every line is ASCII: scanned by its bytes, with no Character made per byte.
        let scannedAsBytes = text.utf8.withContiguousStorageIfAvailable {
            scanASCII(text, $0, separators: separators)
        }
        if scannedAsBytes != true { scanCharacters(text, separators: separators) }
    }

    private mutating func scanCharacters(_ text: String, separators: Set<Character>) {
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

    /// The same scan on the bytes of an all-ASCII text without carriage returns, where bytes and
    /// Characters agree ("\r\n" is one Character). Returns false, having done nothing, for any
    /// other text or a separator that is not one ASCII byte.
    private mutating func scanASCII(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, separators: Set<Character>
    ) -> Bool {
        var separatorMask: (low: UInt64, high: UInt64) = (0, 0)
        for separator in separators {
            guard separator.utf8.count == 1, let byte = separator.utf8.first, byte < 0x80 else { return false }
            if byte < 64 { separatorMask.low |= 1 << byte } else { separatorMask.high |= 1 << (byte - 64) }
        }
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return false }
        func isSeparator(_ byte: UInt8) -> Bool {
            byte < 64 ? separatorMask.low & (1 << byte) != 0 : separatorMask.high & (1 << (byte - 64)) != 0
        }
        func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let utf8 = text.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }

        var current: [UInt8] = []
        current.reserveCapacity(bytes.count)
        var start: Int?
        var isQuoted = false
        var quote: UInt8?
        var escaped = false
        func finish() {
            if let start {
                words.append(
                    Word(text: String(decoding: current, as: UTF8.self), start: position(start), isQuoted: isQuoted))
            }
            current.removeAll(keepingCapacity: true)
            start = nil
            isQuoted = false
        }
        for (offset, byte) in bytes.enumerated() {
            if escaped {
                current.append(byte)
                escaped = false
                continue
            }
            if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") {
                escaped = true
                isQuoted = true
                if start == nil { start = offset }
                continue
            }
            if let open = quote {
                if byte == open { quote = nil } else { current.append(byte) }
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                isQuoted = true
                if start == nil { start = offset }
            } else if isWhitespace(byte) {
                finish()
            } else if isSeparator(byte) {
                finish()
                words.append(
                    Word(
                        text: String(decoding: CollectionOfOne(byte), as: UTF8.self), start: position(offset),
                        isQuoted: false))
            } else {
                if start == nil { start = offset }
                current.append(byte)
            }
        }
        if let quote {
            failure = ShellError("unterminated \(Character(Unicode.Scalar(quote))) quote")
            failureStart = start.map(position)
        } else if escaped {
            failure = ShellError("a backslash at the end of the line escapes nothing")
            failureStart = start.map(position)
        } else {
            finish()
        }
        return true
    }
}
