/// Text with the indentation rules of wasm-tools' WIT printer: two spaces per level, added lazily
/// at the first write on a line, so blank lines carry no trailing spaces.
struct WITOutput {
    private(set) var text = ""
    private var depth = 0
    private var atLineStart = false

    /// Appends `piece` (which holds no newline) to the current line.
    mutating func write(_ piece: String) {
        indentIfAtLineStart()
        text += piece
    }

    mutating func newline() {
        text += "\n"
        atLineStart = true
    }

    /// Ends the current line with `;`.
    mutating func semicolon() {
        text += ";"
        newline()
    }

    /// ` {` then a new, deeper line.
    mutating func openBlock() {
        text += " {"
        depth += 1
        newline()
    }

    /// `}` on its own line, one level out.
    mutating func closeBlock() {
        depth = max(depth - 1, 0)
        indentIfAtLineStart()
        text += "}"
        newline()
    }

    private mutating func indentIfAtLineStart() {
        guard atLineStart else { return }
        for _ in 0..<depth { text += "  " }
        atLineStart = false
    }
}
