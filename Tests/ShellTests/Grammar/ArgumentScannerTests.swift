import Testing

@testable import Shell

@Suite("Argument scanner")
struct ArgumentScannerTests {
    static let lines = [
        "values.add(20, 22)", "  load   trusted  ", "grant filesystem \"./my dir\" --write", "a\\ b 'c d' e\\",
        "x=call values.add(1, 2)", "\"open", "tab\tseparated\u{0B}words\u{0C}here", "'single \\ stays' \"dq \\\" in\"",
        "", "   ", "a\nb",
    ]

    /// The words as text, where they start (in Characters, less `shift`), and how scanning ended.
    private func summary(_ text: String, shift: Int = 0) -> [String] {
        let scanner = ArgumentScanner(text, separators: ["="])
        let offset = { (index: String.Index) in text.distance(from: text.startIndex, to: index) - shift }
        return scanner.words.map { "\($0.text)@\(offset($0.start)):\($0.isQuoted)" }
            + [scanner.failure?.description ?? "ok", scanner.failureStart.map { "\(offset($0))" } ?? "-"]
    }

    @Test("an ASCII line is split as its Characters would split it", arguments: lines)
    func asciiMatchesCharacters(_ line: String) {
        // A leading non-ASCII word sends the same text through the Character scan.
        let characters = summary("é " + line, shift: 2)
        #expect(characters.first == "é@-2:false")
        #expect(summary(line) == Array(characters.dropFirst()))
    }

    @Test("a carriage return or a separator that is no ASCII byte takes the Character scan, with the same words")
    func fallbacks() {
        #expect(ArgumentScanner("a\r\nb").words.map(\.text) == ["a", "b"])
        #expect(ArgumentScanner("a\\\r\nb").words.map(\.text) == ["a\r\nb"])
        #expect(ArgumentScanner("a→b", separators: ["→"]).words.map(\.text) == ["a", "→", "b"])
        #expect(ArgumentScanner("x=y", separators: ["="]).words.map(\.text) == ["x", "=", "y"])
    }
}
