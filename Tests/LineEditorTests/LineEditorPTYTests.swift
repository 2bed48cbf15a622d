import Foundation
import PTYTestSupport
import Testing

/// The line editor on a real (pseudo-)terminal, driven through the `TerminalDemo` program.
@Suite("Line editor on a terminal")
struct LineEditorPTYTests {
    @Test("the prompt appears and a typed line comes back on Enter")
    func typedLine() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("hello world\r")
        try demo.waitFor("got: [hello world]")
        try DemoSession.waitForPrompt(demo)
    }

    @Test("UTF-8 text is edited by character: backspace, cursor movement, insertion")
    func utf8Editing() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        // Backspace removes the whole emoji; two Left moves skip "v" and "e" as characters.
        try demo.send("naïve😀\u{7F}\u{1B}[D\u{1B}[Dé\r")
        try demo.waitFor("got: [naïéve]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("café\u{7F}e\r")
        try demo.waitFor("got: [cafe]")
    }

    @Test("UTF-8 works even when the environment names no locale")
    func utf8WithoutLocale() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start(environment: ["LANG": nil])
        try DemoSession.waitForPrompt(demo)
        try demo.send("ü😀\u{1B}[Dx\r")
        try demo.waitFor("got: [üx😀]")
    }

    @Test("Tab with one candidate inserts it and a space")
    func completionSingle() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("ban\t\r")
        try demo.waitFor("got: [banana ]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("eat cr\t\r")
        try demo.waitFor("got: [eat crème ]")
    }

    @Test("Tab with several candidates inserts the common prefix and lists them below the line")
    func completionMultiple() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("a\t")
        let listing = try demo.waitFor("apricot")
        #expect(listing.contains("\napple    apricot"), "listing: \(listing)\n\(demo.transcript)")
        // Prompt and the line with its common prefix are drawn again below the list.
        try demo.waitFor("demo> ap")
        try demo.send("r\t\r")
        try demo.waitFor("got: [apricot ]")
    }

    @Test("Tab with no candidate changes nothing")
    func completionNone() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("zz\t\r")
        try demo.waitFor("got: [zz]")
    }

    @Test("history is saved to the file and recalled with Up in the next run")
    func historyAcrossRuns() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let first = try session.start()
        try DemoSession.waitForPrompt(first)
        try first.send("first entry\r")
        try first.waitFor("got: [first entry]")
        try DemoSession.waitForPrompt(first)
        try first.send("second entry\r")
        try first.waitFor("got: [second entry]")
        try DemoSession.waitForPrompt(first)
        try first.send("\u{4}")
        #expect(try first.waitForExit() == 0, "\(first.transcript)")

        let saved = try String(contentsOfFile: session.historyFile, encoding: .utf8)
        #expect(saved.hasPrefix("_HiStOrY_V2_\n"), "history file: \(saved)")

        let second = try session.start()
        try DemoSession.waitForPrompt(second)
        try second.send("\u{1B}[A\u{1B}[A\r")
        try second.waitFor("got: [first entry]")
        try DemoSession.waitForPrompt(second)
        try second.send("history\r")
        try second.waitFor("1 first entry\n2 second entry\n3 first entry\n4 history")
    }

    @Test("a history file that cannot be written is reported, and editing goes on")
    func historyFileError() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start(environment: ["DEMO_HISTORY": "/nonexistent-directory/history"])
        try DemoSession.waitForPrompt(demo)
        try demo.send("line\r")
        try demo.waitFor("got: [line]")
        try demo.waitFor("history: line editor: cannot save history to /nonexistent-directory/history")
        try DemoSession.waitForPrompt(demo)
        try demo.send("\u{4}")
        #expect(try demo.waitForExit() == 0, "\(demo.transcript)")
    }

    @Test("Ctrl-C at the prompt abandons the line and prompts again; the process lives")
    func interruptAtPrompt() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("half typed\u{1B}[D\u{1B}[D\u{3}")
        // The cursor was inside the line: ^C is shown at its end, then a new line.
        try demo.waitFor("^C\n")
        try DemoSession.waitForPrompt(demo)
        try demo.send("x\r")
        try demo.waitFor("got: [x]")
        let transcript = demo.text
        #expect(!transcript.contains("got: [half"), "\(demo.transcript)")
    }

    @Test("Ctrl-C while a command runs interrupts the command, then the prompt returns")
    func interruptRunningCommand() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("spin\r")
        try demo.waitFor("spinning")
        try demo.send("\u{3}")
        try demo.waitFor("interrupted")
        try DemoSession.waitForPrompt(demo)
        try demo.send("after\r")
        try demo.waitFor("got: [after]")
    }

    @Test("Ctrl-D on an empty line ends input; on a non-empty line it does not")
    func endOfInput() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("ab\u{4}\r")
        try demo.waitFor("got: [ab]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("\u{4}")
        try demo.waitFor("bye")
        #expect(try demo.waitForExit() == 0, "\(demo.transcript)")
    }

    @Test("~/.editrc is read: vi key bindings, with Tab and Ctrl-C still ours")
    func editrcHonoured() throws {
        let session = try DemoSession()
        defer { session.remove() }
        try "bind -v\n".write(
            to: session.home.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        // Esc to command mode, 0 to the start, i to insert: only vi does this.
        try demo.send("abc\u{1B}0iX\r")
        try demo.waitFor("got: [Xabc]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("ban\t\r")
        try demo.waitFor("got: [banana ]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("oops\u{3}")
        try demo.waitFor("oops^C")
        try DemoSession.waitForPrompt(demo)
        try demo.send("ok\r")
        try demo.waitFor("got: [ok]")
    }

    @Test("a full-screen view opened between lines hands the terminal back to the editor")
    func fullScreenBetweenLines() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try DemoSession.waitForPrompt(demo)
        try demo.send("before\r")
        try demo.waitFor("got: [before]")
        try DemoSession.waitForPrompt(demo)
        try demo.send("panel\r")
        try demo.waitFor("full screen 80x24")
        try demo.send("q")
        try demo.waitFor("left full screen: canonical=true echo=true")
        try DemoSession.waitForPrompt(demo)
        try demo.send("\u{1B}[A\u{1B}[A\u{1B}[A ban\t\r")
        try demo.waitFor("got: [before banana ]")
    }

    @Test("a coloured prompt keeps the cursor in the right column")
    func colouredPrompt() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start()
        try demo.waitForRaw("\u{1B}[1mdemo>\u{1B}(B\u{1B}[m ")
        try DemoSession.waitForPrompt(demo)
        try demo.send("abc")
        try demo.waitFor("abc")
        // Backspace makes libedit move to the deleted column absolutely: "c" was in column 9
        // (1-based) after the 6 visible prompt columns; counting the escapes as columns would
        // put it further right.
        try demo.send("\u{7F}")
        try demo.waitForRaw("\u{1B}[9G")
        try demo.send("\u{1B}[DX\r")
        try demo.waitFor("got: [aXb]")
        #expect(!demo.transcript.contains("\u{1}"), "\(demo.transcript)")
    }

    @Test("NO_COLOR gives a prompt without escape sequences")
    func plainPrompt() throws {
        let session = try DemoSession()
        defer { session.remove() }
        let demo = try session.start(environment: ["NO_COLOR": "1"])
        try DemoSession.waitForPrompt(demo)
        try demo.send("x\r")
        try demo.waitFor("got: [x]")
        #expect(demo.transcript.contains("demo> "), "\(demo.transcript)")
        #expect(!demo.transcript.contains("\u{1B}[1m"), "\(demo.transcript)")
    }
}
