/// A call expression `NAME(ARGS)` split into the function it names and its raw argument text.
///
/// NAME is taken as written (`run`, `echo.echo-u8`, `ns:pkg/iface@1.2.3#func`, `$cart.add-line`,
/// `[method]cart.count`); resolving it is the caller's business. The closing parenthesis is found
/// by scanning the arguments as WAVE: strings, chars, multiline strings and `//` comments may hold
/// `)` without ending them, and brackets must balance. Nothing but whitespace (or a `//` comment)
/// may follow the closing `)`.
public struct WAVECall: Hashable, Sendable {
    public var target: String
    /// The text between the parentheses, a slice of the text given to `parse`.
    public var arguments: Substring
    /// Characters from the start of the parsed text to the start of `arguments`, to place errors
    /// from parsing the arguments on the whole line (see `parseArguments`).
    public var argumentsOffset: Int

    public init(target: String, arguments: Substring, argumentsOffset: Int) {
        self.target = target
        self.arguments = arguments
        self.argumentsOffset = argumentsOffset
    }

    public static func parse(_ text: String) throws(WAVEError) -> WAVECall {
        // A native string's bytes are scanned in place; any other is copied first.
        let inPlace = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(WAVEError) in try parse(text, bytes: bytes) }
        }
        if let inPlace { return try inPlace.get() }
        return try parse(text, bytes: Array(text.utf8))
    }

    private static func parse<Bytes: RandomAccessCollection<UInt8>>(_ text: String, bytes: Bytes)
        throws(WAVEError) -> WAVECall where Bytes.Index == Int
    {
        func error(_ message: String, at byte: Int) -> WAVEError {
            WAVEError(message: message, offset: WAVELexer.characterOffset(of: byte, in: bytes))
        }
        var index = 0
        skipWhitespace(bytes, &index)
        let nameStart = index
        while index < bytes.count && isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else {
            if index == bytes.count {
                if nameStart == nameEnd { throw error("expected a call like name(arguments)", at: nameStart) }
                throw error("expected '(' after \(name) (write \(name)() to call it without arguments)", at: index)
            }
            if nameStart == nameEnd || index == nameEnd {
                throw error(
                    "unexpected character \(describeCharacter(bytes, at: index)) in the function name", at: index)
            }
            throw error("expected '(' after \(name), found \(describeCharacter(bytes, at: index))", at: index)
        }
        guard nameStart < nameEnd else { throw error("expected a function name before '('", at: index) }
        let open = index
        let argumentsStart = open + 1
        let argumentsEnd = try findClosingParenthesis(bytes, from: argumentsStart, open: open, error: error)
        index = argumentsEnd + 1
        skipWhitespaceAndComments(bytes, &index)
        guard index == bytes.count else {
            throw error(
                "unexpected text after the call: \(describeText(bytes, from: index)) (nothing may follow its closing ')')",
                at: index)
        }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: argumentsStart)
        let upper = utf8.index(lower, offsetBy: argumentsEnd - argumentsStart)
        return WAVECall(
            target: name, arguments: text[lower..<upper],
            argumentsOffset: WAVELexer.characterOffset(of: argumentsStart, in: bytes))
    }

    /// Parses `arguments` for `parameters`; error offsets are moved to count from the start of
    /// the text the call was parsed from.
    public func parseArguments(
        parameters: [FunctionType.Parameter], variables: WAVEParser.VariableLookup? = nil
    ) throws(WAVEError) -> [ComponentValue] {
        do {
            return try WAVEParser.parseArguments(arguments, parameters: parameters, variables: variables)
        } catch {
            throw error.shifted(by: argumentsOffset)
        }
    }

    // MARK: - Scanning

    /// The byte index of the `)` that closes the argument list opened at `open`.
    private static func findClosingParenthesis<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, from start: Int, open: Int, error: (String, Int) -> WAVEError
    ) throws(WAVEError) -> Int where Bytes.Index == Int {
        var closers: [UInt8] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if index + 2 < bytes.count && bytes[index + 1] == byte && bytes[index + 2] == byte {
                    var end = index + 3
                    while end + 2 < bytes.count
                        && !(bytes[end] == byte && bytes[end + 1] == byte && bytes[end + 2] == byte)
                    {
                        end += 1
                    }
                    guard end + 2 < bytes.count else { throw error("unterminated multiline string", index) }
                    index = end + 3
                } else {
                    guard let end = skipQuoted(bytes, from: index, quote: byte) else {
                        throw error("unterminated string", index)
                    }
                    index = end
                }
                continue
            case UInt8(ascii: "'"):
                guard let end = skipQuoted(bytes, from: index, quote: byte) else {
                    throw error("unterminated char literal", index)
                }
                index = end
                continue
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "("): closers.append(UInt8(ascii: ")"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let expected = closers.last {
                    guard expected == byte else {
                        throw error(
                            "expected '\(Character(Unicode.Scalar(expected)))', found '\(Character(Unicode.Scalar(byte)))'",
                            index)
                    }
                    closers.removeLast()
                } else if byte == UInt8(ascii: ")") {
                    return index
                } else {
                    throw error("unexpected '\(Character(Unicode.Scalar(byte)))' in the arguments", index)
                }
            default:
                break
            }
            index += 1
        }
        throw error("missing ')' to close the arguments", open)
    }

    /// The index after the closing quote of the string or char starting at `start`, or nil if
    /// the line or text ends first. A backslash escapes the byte after it.
    private static func skipQuoted<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int, quote: UInt8)
        -> Int? where Bytes.Index == Int
    {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case quote: return index + 1
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\n"): return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func skipWhitespace<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ index: inout Int)
    where Bytes.Index == Int {
        while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
    }

    private static func skipWhitespaceAndComments<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, _ index: inout Int
    ) where Bytes.Index == Int {
        while index < bytes.count {
            if isWhitespace(bytes[index]) {
                index += 1
            } else if bytes[index] == UInt8(ascii: "/") && index + 1 < bytes.count
                && bytes[index + 1] == UInt8(ascii: "/")
            {
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// Letters, digits and the punctuation of component paths: `- _ . : / # @ $ [ ] +`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"),
            UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// The text from `start` to the end, without trailing whitespace, as a WAVE string; a long
    /// one cut after `describedLength` characters.
    private static func describeText<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int) -> String
    where Bytes.Index == Int {
        var end = bytes.count
        while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let shown = String(text.prefix(describedLength))
        var out = ""
        WAVETextEscaper.appendString(shown, to: &out)
        return shown.count < text.count ? out + "…" : out
    }

    /// How much of unexpected text an error shows.
    static let describedLength = 24

    private static func describeCharacter<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> String
    where Bytes.Index == Int {
        WAVELexer.describeCharacter(in: Array(bytes), at: index)
    }
}
