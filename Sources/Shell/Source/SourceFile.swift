/// A source file read from the host for `list` and line pauses: its lines, tabs expanded and
/// control characters escaped (a component names the file; its bytes are whatever is there).
struct SourceFile {
    /// Where it was found.
    let path: String
    let lines: [String]

    /// Line `number` (from 1), if the file has it.
    func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    init(path: String, bytes: [UInt8]) {
        self.path = path
        // Split on the bytes: as Characters, "\r\n" is one, not a newline.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            Self.displayable(Substring(String(decoding: $0, as: UTF8.self)))
        }
        // A final newline ends the last line; it does not start another.
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// Tabs to the next multiple of 8 columns, a trailing CR dropped, other control characters
    /// escaped.
    private static func displayable(_ line: Substring) -> String {
        var text = ""
        var column = 0
        var line = line
        if line.hasSuffix("\r") { line = line.dropLast() }
        for character in line {
            if character == "\t" {
                let spaces = 8 - column % 8
                text += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                text.append(character)
                column += 1
            }
        }
        return DisplayTruncation.sanitized(text)
    }
}
