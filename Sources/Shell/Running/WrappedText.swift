import TerminalUI

/// Text broken into lines of at most a width, at spaces, for line output on a terminal: the
/// first line starts at the margin, the others are indented (a hanging indent lines them up
/// under a column). A word longer than a line stays whole on a line of its own.
enum WrappedText {
    static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let leading = String(text.prefix(while: { $0 == " " }))
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = leading
        var lineColumns = leading.count
        var lineHasWord = false
        func endLine() {
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            // Runs of spaces (aligned columns) are kept, except where a line breaks.
            if word.isEmpty && !lineHasWord { continue }
            let wordColumns = FullScreen.columns(of: String(word))
            if lineHasWord, !word.isEmpty, lineColumns + 1 + wordColumns > width {
                endLine()
                line = pad
                lineColumns = indent
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineColumns += 1
            }
            line += word
            lineColumns += wordColumns
            lineHasWord = true
        }
        endLine()
        return lines
    }
}

extension Session {
    /// The width line output wraps to: the settings', else the terminal's when standard output
    /// is one; nil: no wrapping (a pipe, a file).
    var lineWidth: Int? {
        if let width = settings.lineWidth { return width }
        return settings.outputIsTerminal ? TerminalWidth.columns(descriptor: 1) : nil
    }

    /// Prints `text` wrapped to `lineWidth`, continuation lines indented by `indent`.
    func printWrapped(_ text: String, indent: Int = 0) {
        guard let width = lineWidth else {
            print(text)
            return
        }
        for line in WrappedText.lines(text, width: width, indent: indent) { print(line) }
    }
}
