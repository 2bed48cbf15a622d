/// A one-line text field inside curses: printable characters, cursor movement, backspace.
///
/// It may start with a placeholder (WAVE values for a call's parameters): shown, and submitted
/// if nothing is typed, but the first character typed replaces it whole, as Backspace or Delete
/// clears it; moving the cursor keeps it as text to edit.
struct InspectorLineInput: Equatable, Sendable {
    private(set) var text: [Character]
    /// Index into `text` where the next character goes (0...text.count).
    private(set) var cursor: Int
    /// The text is the placeholder, untouched so far.
    private(set) var isPlaceholder = false

    init(_ initial: String = "") {
        text = Array(initial)
        cursor = text.count
    }

    /// A field holding `placeholder`, the cursor at its start, ready to be typed over.
    init(placeholder: String) {
        self.init(placeholder)
        cursor = 0
        isPlaceholder = !placeholder.isEmpty
    }

    var string: String { String(text) }

    /// Inserts a printable character at the cursor; control characters are ignored.
    mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        if isPlaceholder { clear() }
        text.insert(character, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        if isPlaceholder { return clear() }
        guard cursor > 0 else { return }
        cursor -= 1
        text.remove(at: cursor)
    }

    mutating func deleteForward() {
        if isPlaceholder { return clear() }
        guard cursor < text.count else { return }
        text.remove(at: cursor)
    }

    mutating func moveLeft() {
        isPlaceholder = false
        cursor = max(0, cursor - 1)
    }

    mutating func moveRight() {
        isPlaceholder = false
        cursor = min(text.count, cursor + 1)
    }

    mutating func moveToStart() {
        isPlaceholder = false
        cursor = 0
    }

    mutating func moveToEnd() {
        isPlaceholder = false
        cursor = text.count
    }

    mutating func clear() {
        text.removeAll()
        cursor = 0
        isPlaceholder = false
    }
}
