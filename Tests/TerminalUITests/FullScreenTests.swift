import Testing

@testable import TerminalUI

@Suite("Full screen preconditions and text fitting")
struct FullScreenTests {
    @Test("no full screen without terminals on both sides or with an unusable TERM")
    func preconditions() {
        #expect(throws: FullScreenError.notATerminal("standard input")) {
            try FullScreen.checkTerminal(inputIsTerminal: false, outputIsTerminal: true, term: "xterm")
        }
        #expect(throws: FullScreenError.notATerminal("standard output")) {
            try FullScreen.checkTerminal(inputIsTerminal: true, outputIsTerminal: false, term: "xterm")
        }
        #expect(throws: FullScreenError.unsupportedTerminal("TERM is 'dumb'")) {
            try FullScreen.checkTerminal(inputIsTerminal: true, outputIsTerminal: true, term: "dumb")
        }
        #expect(throws: FullScreenError.unsupportedTerminal("TERM is not set")) {
            try FullScreen.checkTerminal(inputIsTerminal: true, outputIsTerminal: true, term: nil)
        }
        #expect(throws: Never.self) {
            try FullScreen.checkTerminal(inputIsTerminal: true, outputIsTerminal: true, term: "xterm")
        }
    }

    @Test("error messages say what is wrong")
    func messages() {
        #expect(
            FullScreenError.notATerminal("standard output").description
                == "cannot open a full-screen view: standard output is not a terminal")
        #expect(
            FullScreenError.unsupportedTerminal("TERM is 'dumb'").description
                == "cannot open a full-screen view: TERM is 'dumb'")
    }

    @Test("text is cut at the right edge by display columns")
    func fitting() {
        #expect(FullScreen.prefix(of: "hello", fittingIn: 3) == "hel")
        #expect(FullScreen.prefix(of: "hello", fittingIn: 10) == "hello")
        #expect(FullScreen.prefix(of: "hi", fittingIn: 0) == "")
    }
}
