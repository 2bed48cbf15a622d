import Testing

@testable import LineEditor

@Suite("Completion list layout")
struct CandidateListLayoutTests {
    @Test("candidates fill columns top to bottom, padded to the widest plus two")
    func columnMajor() {
        let lines = CandidateListLayout.lines(for: ["a", "bb", "ccc", "d", "e"], width: 12)
        // Column width 5 → two... (12 + 2) / 5 = 2 columns, 3 rows.
        #expect(lines == ["a    d", "bb   e", "ccc"])
    }

    @Test("a narrow terminal gets one candidate per line")
    func narrow() {
        #expect(CandidateListLayout.lines(for: ["alpha", "beta"], width: 3) == ["alpha", "beta"])
    }

    @Test("everything fits on one line when the terminal is wide")
    func wide() {
        #expect(CandidateListLayout.lines(for: ["apple", "apricot"], width: 80) == ["apple    apricot"])
    }

    @Test("display width counts wide characters as two columns")
    func wideCharacters() {
        TerminalLocale.adoptUTF8()
        #expect(CandidateListLayout.displayWidth("日本") == 4)
        #expect(CandidateListLayout.displayWidth("e\u{301}") == 1)
        #expect(CandidateListLayout.lines(for: ["日本", "x"], width: 80) == ["日本  x"])
    }

    @Test("no candidates, no lines")
    func empty() {
        #expect(CandidateListLayout.lines(for: [], width: 80).isEmpty)
    }
}
