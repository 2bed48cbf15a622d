/// Finds where things are in a manifest's text. TOMLKit reports lines for syntax errors only; for
/// everything the manifest means (unknown keys, wrong types, bad paths, unknown interfaces) the
/// line is found here by scanning the text for the table header and the key.
struct ManifestSourceMap {
    private let lines: [Substring]
    /// Header lines in order: the name inside the brackets, whether `[[...]]`, and the 1-based line.
    private let headers: [(name: String, isArray: Bool, line: Int)]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var headers: [(name: String, isArray: Bool, line: Int)] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[[") {
                let name = trimmed.dropFirst(2).prefix { $0 != "]" }
                headers.append((Self.bare(name), true, index + 1))
            } else if trimmed.hasPrefix("[") {
                let name = trimmed.dropFirst().prefix { $0 != "]" }
                headers.append((Self.bare(name), false, index + 1))
            }
        }
        self.headers = headers
    }

    /// The line of the `occurrence`-th (0-based) `[[name]]` header, or of an inline `name = [...]`.
    func arrayTableLine(_ name: String, occurrence: Int) -> Int {
        let matching = headers.filter { $0.name == name && $0.isArray }
        if occurrence < matching.count { return matching[occurrence].line }
        return topLevelKeyLine(name) ?? headers.first { $0.name == name }?.line ?? 1
    }

    /// The line of `key = ...` before the first table header.
    func topLevelKeyLine(_ key: String) -> Int? {
        let end = headers.first?.line ?? lines.count + 1
        return keyLine(key, from: 1, before: end)
    }

    /// The line of `key = ...` inside the table whose header is on `tableLine`; the table's own
    /// line when the key is not written on a line of its own (inline tables).
    func keyLine(_ key: String, inTableAt tableLine: Int) -> Int {
        let end = headers.first { $0.line > tableLine }?.line ?? lines.count + 1
        return keyLine(key, from: tableLine + 1, before: end) ?? tableLine
    }

    /// The line inside a table that holds the string literal `value`, from `startLine` on (for a
    /// bad path in a multi-line array); `startLine` when it cannot be found.
    func valueLine(_ value: String, from startLine: Int) -> Int {
        let end = headers.first { $0.line > startLine }?.line ?? lines.count + 1
        var line = startLine
        while line < end, line <= lines.count {
            let text = lines[line - 1]
            if text.contains("\"\(value)\"") || text.contains("'\(value)'") { return line }
            line += 1
        }
        return startLine
    }

    /// The first line that writes a NUL character as an escape (`\u0000`): TOMLKit would silently
    /// cut the string there, so such manifests are refused.
    func nulEscapeLine() -> Int? {
        for (index, line) in lines.enumerated() where line.contains("\\u0000") || line.contains("\\U00000000") {
            return index + 1
        }
        return nil
    }

    private func keyLine(_ key: String, from start: Int, before end: Int) -> Int? {
        var line = start
        while line < end, line <= lines.count {
            let trimmed = lines[line - 1].drop { $0 == " " || $0 == "\t" }
            if let equals = trimmed.firstIndex(of: "=") {
                if Self.bare(trimmed[..<equals]) == key { return line }
            }
            line += 1
        }
        return nil
    }

    /// A key or header name without surrounding blanks and quotes.
    private static func bare(_ text: Substring) -> String {
        var name = trimmed(text)
        if name.count >= 2, let first = name.first, first == name.last, first == "\"" || first == "'" {
            name = name.dropFirst().dropLast()
        }
        return String(name)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
