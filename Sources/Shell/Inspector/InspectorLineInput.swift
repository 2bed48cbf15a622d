/// A one-line text field inside curses: printable characters, cursor movement, backspace.
struct InspectorLineInput: Equatable, Sendable {
    private(set) var text: [Character]
    /// Index into `text` where the next character goes (0...text.count).
    private(set) var cursor: Int

    init(_ initial: String = "") {
        text = Array(initial)
        cursor = text.count
    }

    var string: String { String(text) }

    /// Inserts a printable character at the cursor; control characters are ignored.
    mutating func insert(_ character: Character) {
        guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        text.insert(character, at: cursor)
        cursor += 1
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        cursor -= 1
        text.remove(at: cursor)
    }

    mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    mutating func moveToStart() { cursor = 0 }
    mutating func moveToEnd() { cursor = text.count }

    mutating func clear() {
        text.removeAll()
        cursor = 0
    }
}
