/// What issue 15 asks of any text wasmsh prints from a component.
enum TerminalSafety {
    /// Whether `text` holds a byte < 0x20, DEL, or a C1 control (U+0080–U+009F).
    static func hasRawControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
