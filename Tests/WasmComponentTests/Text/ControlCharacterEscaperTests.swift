import Testing

@testable import WasmComponent

@Suite("Control character escaper")
struct ControlCharacterEscaperTests {
    @Test("what a terminal acts on is escaped; printable text, accents and emoji are not")
    func escapes() {
        let cases: [(String, String)] = [
            ("plain text", "plain text"),
            ("\u{1b}]0;title\u{7}", #"\u{1b}]0;title\u{7}"#),
            ("a\r\n\tb", #"a\r\n\tb"#),
            ("\u{0}\u{7f}\u{80}\u{9b}\u{9f}", #"\u{0}\u{7f}\u{80}\u{9b}\u{9f}"#),
            // Bidirectional override, zero-width space, line separator, no-break space, private use.
            ("a\u{202e}b\u{200b}c\u{2028}d\u{a0}e\u{e000}", #"a\u{202e}b\u{200b}c\u{2028}d\u{a0}e\u{e000}"#),
            ("back\\slash", #"back\\slash"#),
            ("café 日本 🙂 e\u{301}", "café 日本 🙂 e\u{301}"),
            ("it's", "it's"),
        ]
        for (text, escaped) in cases {
            #expect(ControlCharacterEscaper.escaped(text) == escaped)
        }
    }

    @Test("quoted: in single quotes, a quote inside escaped")
    func quoted() {
        #expect(ControlCharacterEscaper.quoted("it's \u{1b}") == #"'it\'s \u{1b}'"#)
    }

    @Test("long text keeps its first and last half around an ellipsis")
    func shortened() {
        let text = String(repeating: "a", count: 150) + String(repeating: "\u{9b}", count: 1_000_000) + "zz"
        let escaped = ControlCharacterEscaper.escaped(text, maximumScalars: 200)
        #expect(escaped == String(repeating: "a", count: 100) + "…" + String(repeating: #"\u{9b}"#, count: 98) + "zz")
        #expect(ControlCharacterEscaper.escaped("abcdef", maximumScalars: 4) == "ab…ef")
        #expect(ControlCharacterEscaper.escaped("abcd", maximumScalars: 4) == "abcd")
        #expect(ControlCharacterEscaper.escaped("", maximumScalars: 4) == "")
    }

    @Test("nothing it writes holds a raw control character")
    func neverRaw() {
        var every = ""
        for value in 0..<0x3000 {
            if let scalar = Unicode.Scalar(value) { every.unicodeScalars.append(scalar) }
        }
        let escaped = ControlCharacterEscaper.escaped(every, maximumScalars: .max)
        #expect(!TerminalSafety.hasRawControlCharacter(escaped))
        #expect(!escaped.unicodeScalars.contains { $0.properties.generalCategory == .format })
    }
}
