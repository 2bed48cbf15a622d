/// One pass over a TOML document that records where every table, key and array element is
/// written (`TOMLSourceNode`), so that messages about what a manifest means name exact lines.
///
/// It follows TOML 1.0's lexical rules: basic, literal and multi-line strings with their escapes,
/// comments, `[table]` and `[[array]]` headers with quoted keys, dotted keys, inline tables and
/// arrays over several lines. So a bracket, a `#` or a `key =` inside a string or a comment is
/// never taken for structure. It does not validate: TOMLKit parses the same text and reports the
/// syntax errors, and the positions of a document it rejects are never used. On any text it ends,
/// in time linear in the text (every step consumes a byte), with recursion only for nesting, which
/// `nestingLimit` bounds.
struct TOMLSourceScanner {
    enum Problem: Error, Equatable {
        /// A NUL character, raw or written as an escape (`\u0000`) in a basic string or key: TOMLKit
        /// reads the document as a C string and would silently stop (or cut the string) there.
        case nulCharacter(line: Int)
        /// Tables, arrays and dotted keys nested deeper than the limit.
        case nestedTooDeep(line: Int, limit: Int)
    }

    private let bytes: [UInt8]
    private let nestingLimit: Int
    private var index = 0
    private var line = 1

    private init(_ text: String, nestingLimit: Int) {
        bytes = Array(text.utf8)
        self.nestingLimit = nestingLimit
    }

    /// The positions in `text`; tables, arrays and dotted keys may nest at most `nestingLimit` deep.
    static func scan(_ text: String, nestingLimit: Int) throws(Problem) -> TOMLSourceNode {
        var scanner = TOMLSourceScanner(text, nestingLimit: nestingLimit)
        if let nul = scanner.bytes.firstIndex(of: 0) {
            throw .nulCharacter(line: 1 + scanner.bytes[..<nul].count { $0 == Byte.newline })
        }
        return try scanner.document()
    }

    private enum Byte {
        static let newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let hash = UInt8(ascii: "#")
        static let quote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
        static let backslash = UInt8(ascii: "\\")
        static let openBracket = UInt8(ascii: "[")
        static let closeBracket = UInt8(ascii: "]")
        static let openBrace = UInt8(ascii: "{")
        static let closeBrace = UInt8(ascii: "}")
        static let comma = UInt8(ascii: ",")
        static let dot = UInt8(ascii: ".")
        static let equals = UInt8(ascii: "=")
    }

    // MARK: Structure

    private mutating func document() throws(Problem) -> TOMLSourceNode {
        let root = TOMLSourceNode(line: 1, depth: 0, isArray: false)
        var table = root
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a byte order mark, as TOMLKit skips it
        while let byte = peek() {
            switch byte {
            case Byte.space, Byte.tab, Byte.carriageReturn: index += 1
            case Byte.newline: newline()
            case Byte.hash: skipComment()
            case Byte.openBracket:
                table = try header(root: root)
                skipToLineEnd()
            default:
                try keyValue(into: table)
                skipToLineEnd()
            }
        }
        return root
    }

    /// `[a.b]` or `[[a.b]]`: the table that the following keys go into.
    private mutating func header(root: TOMLSourceNode) throws(Problem) -> TOMLSourceNode {
        let headerLine = line
        index += 1
        let isArrayOfTables = peek() == Byte.openBracket
        if isArrayOfTables { index += 1 }
        let keys = try keyPath()
        skipBlanks()
        if peek() == Byte.closeBracket { index += 1 }
        if isArrayOfTables, peek() == Byte.closeBracket { index += 1 }
        guard let lastKey = keys.last else { return try detachedTable(line: headerLine, parent: root) }

        var table = root
        for key in keys.dropLast() {
            table = try child(key, of: table, line: headerLine)
        }
        guard isArrayOfTables else { return try child(lastKey, of: table, line: headerLine) }
        let array: TOMLSourceNode
        switch table.members[lastKey] {
        case .node(let existing)? where existing.isArray:
            array = existing
        case nil:
            array = try node(line: headerLine, parent: table, isArray: true)
            table.members[lastKey] = .node(array)
        default:
            // Redefines a key as an array of tables: TOMLKit refuses the document.
            return try detachedTable(line: headerLine, parent: table)
        }
        let element = try node(line: headerLine, parent: array, isArray: false)
        array.elements.append(.node(element))
        return element
    }

    /// The table `key` of `table` as a header or dotted key names it: an existing table, the last
    /// table of an array of tables, or a new table first mentioned on `line`.
    private func child(_ key: String, of table: TOMLSourceNode, line: Int) throws(Problem) -> TOMLSourceNode {
        switch table.members[key] {
        case .node(let existing)?:
            if !existing.isArray { return existing }
            if let last = existing.elements.last?.node, !last.isArray { return last }
            return try detachedTable(line: line, parent: table)
        case nil:
            let created = try node(line: line, parent: table, isArray: false)
            table.members[key] = .node(created)
            return created
        case .value?:
            return try detachedTable(line: line, parent: table)
        }
    }

    /// A table outside the document, for keys of a document TOMLKit will refuse anyway.
    private func detachedTable(line: Int, parent: TOMLSourceNode) throws(Problem) -> TOMLSourceNode {
        try node(line: line, parent: parent, isArray: false)
    }

    private func node(line: Int, parent: TOMLSourceNode, isArray: Bool) throws(Problem) -> TOMLSourceNode {
        let depth = parent.depth + 1
        if depth > nestingLimit { throw .nestedTooDeep(line: line, limit: nestingLimit) }
        return TOMLSourceNode(line: line, depth: depth, isArray: isArray)
    }

    /// `key = value` (the key possibly dotted) into `table`. Consumes nothing when no key starts here.
    private mutating func keyValue(into table: TOMLSourceNode) throws(Problem) {
        let keyLine = line
        let keys = try keyPath()
        guard let lastKey = keys.last else { return }
        skipBlanks()
        guard peek() == Byte.equals else { return }
        index += 1
        skipBlanks()
        var target = table
        for key in keys.dropLast() {
            target = try child(key, of: target, line: keyLine)
        }
        let part = try value(line: keyLine, parent: target)
        if target.members[lastKey] == nil { target.members[lastKey] = part }
    }

    /// A value starting here; `line` is the line to record for it (its key's, or its own in an array).
    private mutating func value(line entryLine: Int, parent: TOMLSourceNode) throws(Problem) -> TOMLSourceNode.Part {
        switch peek() {
        case Byte.quote?:
            if startsWith(Byte.quote, count: 3) { try multiLineString(Byte.quote) } else { _ = try basicString() }
        case Byte.apostrophe?:
            if startsWith(Byte.apostrophe, count: 3) {
                try multiLineString(Byte.apostrophe)
            } else {
                _ = literalString()
            }
        case Byte.openBracket?:
            return .node(try array(line: entryLine, parent: parent))
        case Byte.openBrace?:
            return .node(try inlineTable(line: entryLine, parent: parent))
        default:
            // A number, boolean or date (a date may hold a space): up to what ends a value.
            while let byte = peek(), !Self.endsValue(byte) { index += 1 }
        }
        return .value(line: entryLine)
    }

    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case Byte.comma, Byte.closeBracket, Byte.closeBrace, Byte.hash, Byte.newline, Byte.carriageReturn: return true
        default: return false
        }
    }

    /// `[ value, value, ... ]`, over any number of lines, with comments between values.
    private mutating func array(line arrayLine: Int, parent: TOMLSourceNode) throws(Problem) -> TOMLSourceNode {
        let array = try node(line: arrayLine, parent: parent, isArray: true)
        index += 1
        while let byte = peek() {
            switch byte {
            case Byte.space, Byte.tab, Byte.carriageReturn, Byte.comma: index += 1
            case Byte.newline: newline()
            case Byte.hash: skipComment()
            case Byte.closeBracket:
                index += 1
                return array
            default:
                let start = index
                array.elements.append(try value(line: line, parent: array))
                if index == start { index += 1 }  // a stray `}` or `)`: not TOML; move on
            }
        }
        return array
    }

    /// `{ key = value, ... }` (newlines and comments tolerated, as TOML 1.1 allows).
    private mutating func inlineTable(line tableLine: Int, parent: TOMLSourceNode) throws(Problem) -> TOMLSourceNode {
        let table = try node(line: tableLine, parent: parent, isArray: false)
        index += 1
        while let byte = peek() {
            switch byte {
            case Byte.space, Byte.tab, Byte.carriageReturn, Byte.comma: index += 1
            case Byte.newline: newline()
            case Byte.hash: skipComment()
            case Byte.closeBrace:
                index += 1
                return table
            default:
                let start = index
                try keyValue(into: table)
                if index == start { index += 1 }  // not a key: not TOML; move on
            }
        }
        return table
    }

    // MARK: Keys and strings

    /// A key, possibly dotted (`a."b.c".'d'`), decoded as TOMLKit decodes it; empty when none starts here.
    private mutating func keyPath() throws(Problem) -> [String] {
        var keys: [String] = []
        while true {
            skipBlanks()
            guard let byte = peek() else { break }
            let keyLine = line
            if byte == Byte.quote {
                keys.append(String(decoding: try basicString(), as: UTF8.self))
            } else if byte == Byte.apostrophe {
                keys.append(String(decoding: literalString(), as: UTF8.self))
            } else if Self.isBareKeyByte(byte) {
                let start = index
                while let next = peek(), Self.isBareKeyByte(next) { index += 1 }
                keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
            } else {
                break
            }
            // Each part of a dotted key is a table: bounded like any other nesting.
            if keys.count > nestingLimit { throw .nestedTooDeep(line: keyLine, limit: nestingLimit) }
            skipBlanks()
            guard peek() == Byte.dot else { break }
            index += 1
        }
        return keys
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    /// `"..."` on one line; its decoded bytes (used for keys).
    private mutating func basicString() throws(Problem) -> [UInt8] {
        index += 1
        var decoded: [UInt8] = []
        while let byte = peek(), byte != Byte.newline {
            if byte == Byte.quote {
                index += 1
                break
            }
            if byte == Byte.backslash {
                try escape(into: &decoded)
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return decoded
    }

    /// `'...'` on one line; its bytes (no escapes in literal strings).
    private mutating func literalString() -> ArraySlice<UInt8> {
        index += 1
        let start = index
        while let byte = peek(), byte != Byte.newline, byte != Byte.apostrophe { index += 1 }
        let content = bytes[start..<index]
        if peek() == Byte.apostrophe { index += 1 }
        return content
    }

    /// `"""..."""` or `'''...'''`: ends at the first run of three or more delimiters (up to two of
    /// them may belong to the content); escapes only in the basic kind.
    private mutating func multiLineString(_ delimiter: UInt8) throws(Problem) {
        index += 3
        var ignored: [UInt8] = []
        while let byte = peek() {
            if byte == Byte.newline {
                newline()
            } else if byte == Byte.backslash && delimiter == Byte.quote {
                try escape(into: &ignored)
                ignored.removeAll(keepingCapacity: true)
            } else if byte == delimiter {
                var run = 0
                while peek() == delimiter {
                    run += 1
                    index += 1
                }
                if run >= 3 { return }
            } else {
                index += 1
            }
        }
    }

    /// One escape of a basic string, at its backslash. A `\u0000` or `\U00000000` is refused.
    private mutating func escape(into decoded: inout [UInt8]) throws(Problem) {
        index += 1
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = byte == UInt8(ascii: "u") ? 4 : 8
            guard let value = hexadecimal(at: index + 1, digits: digits) else {
                index += 1
                return
            }
            if value == 0 { throw .nulCharacter(line: line) }
            if let scalar = Unicode.Scalar(value) { decoded.append(contentsOf: String(scalar).utf8) }
            index += 1 + digits
        case Byte.newline:
            // A line-ending backslash (multi-line strings).
            newline()
        default:
            let replacement: UInt8? =
                switch byte {
                case UInt8(ascii: "n"): Byte.newline
                case UInt8(ascii: "t"): Byte.tab
                case UInt8(ascii: "r"): Byte.carriageReturn
                case UInt8(ascii: "b"): 0x08
                case UInt8(ascii: "f"): 0x0C
                case Byte.quote, Byte.backslash: byte
                default: nil
                }
            if let replacement { decoded.append(replacement) }
            index += 1
        }
    }

    private func hexadecimal(at start: Int, digits: Int) -> UInt32? {
        guard start + digits <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<(start + digits)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func startsWith(_ byte: UInt8, count: Int) -> Bool {
        index + count <= bytes.count && bytes[index..<(index + count)].allSatisfy { $0 == byte }
    }

    private mutating func newline() {
        index += 1
        line += 1
    }

    private mutating func skipBlanks() {
        while let byte = peek(), byte == Byte.space || byte == Byte.tab { index += 1 }
    }

    private mutating func skipComment() {
        while let byte = peek(), byte != Byte.newline { index += 1 }
    }

    /// After a header or a key/value pair: blanks, a comment, then the end of the line. Anything
    /// else is not TOML (TOMLKit says so); it is skipped to the end of the line.
    private mutating func skipToLineEnd() {
        while let byte = peek(), byte != Byte.newline { index += 1 }
    }
}
