import TerminalUI

/// Text measured and cleaned for the screen: curses would act on control characters (a
/// newline clears the rest of the line), and wide characters take two columns.
enum InspectorText {
    /// Control characters (newline, tab, escape, ...) become spaces.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    /// `text` without terminal escape sequences (`ESC [ 1 m`, `ESC ( B`): the colours a
    /// message got for a line terminal.
    static func withoutEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var kept = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                kept.append(scalar)
                continue
            }
            switch scalars.next() {
            case "[":
                // Parameters up to the final byte, a character from @ to ~.
                while let next = scalars.next(), !("@"..."~").contains(next) {}
            case "(", ")":
                _ = scalars.next()
            default:
                break
            }
        }
        return String(kept)
    }

    /// How many terminal columns `text` takes.
    static func columns(of text: String) -> Int { FullScreen.columns(of: text) }

    /// `text` followed by spaces up to `width` columns.
    static func padded(_ text: String, to width: Int) -> String {
        let used = columns(of: text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// `text` cut into lines of at most `width` columns: at its own newlines, then wherever
    /// a line is too long (results and backtraces have few spaces to break at).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = sanitized(String(paragraph))
            repeat {
                let line = FullScreen.prefix(of: rest, fittingIn: max(1, width))
                // A character wider than the whole width still has to go somewhere.
                let taken = line.isEmpty ? String(rest.prefix(1)) : line
                lines.append(taken)
                rest.removeFirst(taken.count)
            } while !rest.isEmpty
        }
        return lines
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }
}
