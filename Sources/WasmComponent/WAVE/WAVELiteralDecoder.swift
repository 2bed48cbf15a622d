/// Decodes the contents of char, string and multiline-string tokens: escapes (`\\ \' \" \t \n \r`
/// and `\u{1 to 6 hex digits}` naming a Unicode scalar value), the one-scalar rule for chars,
/// and the layout rules of `"""` strings (first line break dropped, indent of the closing line
/// removed from every line, `\r\n` read as a line break).
struct WAVELiteralDecoder {
    let lexer: WAVELexer
    private var bytes: [UInt8] { lexer.bytes }

    func decodeChar(_ token: WAVEToken) throws(WAVEError) -> Unicode.Scalar {
        let start = token.start + 1
        let end = token.end - 1
        guard start < end else { throw lexer.error("empty char literal ''", at: token.start) }
        let scalar: Unicode.Scalar
        let length: Int
        if bytes[start] == UInt8(ascii: "\\") {
            (scalar, length) = try decodeEscape(at: start, end: end)
        } else {
            (scalar, length) = decodeScalar(at: start)
        }
        guard start + length == end else {
            throw lexer.error(
                "a char literal holds exactly one character: \(lexer.text(of: token))", at: token.start)
        }
        return scalar
    }

    func decodeString(_ token: WAVEToken) throws(WAVEError) -> String {
        let range = (token.start + 1)..<(token.end - 1)
        // Most strings have no escapes: decode them in one piece.
        guard bytes[range].contains(UInt8(ascii: "\\")) else {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        try appendUnescaped(range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func decodeMultilineString(_ token: WAVEToken) throws(WAVEError) -> String {
        let contentStart = token.start + 3
        let contentEnd = token.end - 3
        var lineStart = contentStart
        if lineStart < contentEnd && bytes[lineStart] == UInt8(ascii: "\r") { lineStart += 1 }
        guard lineStart < contentEnd && bytes[lineStart] == UInt8(ascii: "\n") else {
            throw lexer.error("opening \"\"\" must be followed immediately by a line break", at: token.start)
        }
        lineStart += 1
        // The closing line: only spaces between the last line break and `"""`; they are the indent.
        var lastBreak = contentEnd - 1
        while bytes[lastBreak] != UInt8(ascii: "\n") { lastBreak -= 1 }
        let indent = contentEnd - (lastBreak + 1)
        if bytes[(lastBreak + 1)..<contentEnd].contains(where: { $0 != UInt8(ascii: " ") }) {
            throw lexer.error("closing \"\"\" must be on a line preceded only by spaces", at: contentEnd)
        }
        var out: [UInt8] = []
        out.reserveCapacity(contentEnd - contentStart)
        var firstLine = true
        while lineStart <= lastBreak {
            var lineEnd = lineStart
            while bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let indentEnd = lineStart + indent
            guard indentEnd <= lineEnd,
                !bytes[lineStart..<indentEnd].contains(where: { $0 != UInt8(ascii: " ") })
            else {
                throw lexer.error("lines must be indented at least as much as the closing \"\"\"", at: lineStart)
            }
            var textEnd = lineEnd
            if textEnd > indentEnd && bytes[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
            if !firstLine { out.append(UInt8(ascii: "\n")) }
            firstLine = false
            try appendUnescaped(indentEnd..<textEnd, to: &out)
            lineStart = lineEnd + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Escapes

    private func appendUnescaped(_ range: Range<Int>, to out: inout [UInt8]) throws(WAVEError) {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                let (scalar, length) = try decodeEscape(at: index, end: range.upperBound)
                appendUTF8(scalar, to: &out)
                index += length
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
    }

    /// The escape starting at the backslash at `start`, and how many bytes it spans.
    private func decodeEscape(at start: Int, end: Int) throws(WAVEError) -> (Unicode.Scalar, Int) {
        guard start + 1 < end else { throw lexer.error("incomplete escape \\", at: start) }
        switch bytes[start + 1] {
        case UInt8(ascii: "\\"): return ("\\", 2)
        case UInt8(ascii: "'"): return ("'", 2)
        case UInt8(ascii: "\""): return ("\"", 2)
        case UInt8(ascii: "t"): return ("\t", 2)
        case UInt8(ascii: "n"): return ("\n", 2)
        case UInt8(ascii: "r"): return ("\r", 2)
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: start, end: end)
        default:
            let (scalar, _) = decodeScalar(at: start + 1)
            var shown = ""
            shown.unicodeScalars.append(scalar)
            throw lexer.error(
                "invalid escape \\\(shown) (escapes are \\\\ \\' \\\" \\t \\n \\r \\u{hex})", at: start)
        }
    }

    private func decodeUnicodeEscape(at start: Int, end: Int) throws(WAVEError) -> (Unicode.Scalar, Int) {
        var index = start + 2
        guard index < end && bytes[index] == UInt8(ascii: "{") else {
            throw lexer.error("invalid escape \\u (write \\u{hex})", at: start)
        }
        index += 1
        var value: UInt32 = 0
        var digits = 0
        while index < end, let digit = hexValue(bytes[index]), digits < 6 {
            value = value << 4 | digit
            digits += 1
            index += 1
        }
        guard digits > 0, index < end, bytes[index] == UInt8(ascii: "}") else {
            throw lexer.error("invalid escape \\u{...}: expected 1 to 6 hex digits and '}'", at: start)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw lexer.error(
                "\\u{\(String(value, radix: 16))} is not a Unicode scalar value", at: start)
        }
        return (scalar, index + 1 - start)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The scalar whose UTF-8 starts at `index` (the text came from a Swift string, so it is valid).
    private func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(index + length, bytes.count)
        let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return (scalar, end - index)
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
