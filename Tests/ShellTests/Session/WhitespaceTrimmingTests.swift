import Testing

@testable import Shell

@Suite("Whitespace trimming of command lines")
struct WhitespaceTrimmingTests {
    /// What trimming by Characters gives (the definition the byte path must match).
    private func byCharacters(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    @Test(
        "trimming agrees with Character.isWhitespace, ASCII or not",
        arguments: [
            "  call values.add(20, 22)  ", "\t\nload x\r\n", "", "   ", "word", "\u{0B}\u{0C}v\u{0C}",
            "\u{A0}nbsp\u{A0}", "\u{3000}ideographic\u{2029}", " \u{301}combining", "é ", "\u{85}next line",
            "a\r\n", "\u{600} prepend",
        ])
    func trimming(_ text: String) {
        #expect(text.trimmingWhitespace() == byCharacters(text))
        #expect(text.dropFirst(0).trimmingWhitespace() == byCharacters(text))
    }

    @Test("the first word is split off at the first whitespace, the rest trimmed")
    func firstWord() {
        #expect("  call   values.add(1, 2) ".splitFirstWord() == ("call", "values.add(1, 2)"))
        #expect("quit".splitFirstWord() == ("quit", ""))
        #expect("grant\tfs ./a".splitFirstWord() == ("grant", "fs ./a"))
        #expect("lé\u{A0}x y".splitFirstWord() == ("lé", "x y"))
        #expect("\u{3000}a\u{3000}b".splitFirstWord() == ("a", "b"))
        #expect("".splitFirstWord() == ("", ""))
        #expect("   ".splitFirstWord() == ("", ""))
        #expect(" a ".splitFirstWord() == ("a", ""))
        #expect("a\r\n\tb  c\r\n".splitFirstWord() == ("a", "b  c"))
        #expect("a b".dropFirst(0).splitFirstWord() == ("a", "b"))
    }
}
