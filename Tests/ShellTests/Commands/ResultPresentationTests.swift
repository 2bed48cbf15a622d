import Foundation
import Testing

@testable import Shell

/// Results on a terminal stay readable and bounded, `show` prints them whole or as text, and
/// owned handles nobody bound are released (issue 15, findings 1 and 2; issue 16, item 6).
@Suite("Presenting results")
struct ResultPresentationTests {
    private func session(terminal: Bool) throws -> (Session, BufferedOutput) {
        var settings = SessionSettings()
        settings.componentsDirectory = repositoryRoot.appendingPathComponent("components").path
        settings.manifestsDirectory = repositoryRoot.appendingPathComponent("manifests").path
        settings.root = repositoryRoot.path
        settings.outputIsTerminal = terminal
        let output = BufferedOutput()
        return (try Session(settings: settings, output: output), output)
    }

    private func printed(_ line: String, in session: Session, _ output: BufferedOutput) throws -> String {
        let before = output.standardOutput.count
        try session.execute(line)
        return String(output.standardOutput.dropFirst(before))
    }

    @Test("owned handles in a result nobody binds are dropped (their destructors run), and the shell says so")
    func unboundHandlesDropped() throws {
        let (session, output) = try session(terminal: false)
        try session.execute("load components/hostile/hostile-memory.wasm as mem")
        let text = try printed("call mem.make-many(3)", in: session, output)
        #expect(
            text.hasSuffix(
                "(dropped the 3 owned handles in the result, which nothing keeps; 'let NAME = call ...' keeps them)\n"))
        #expect(try printed("call mem.count()", in: session, output) == "3\n")
        try session.execute("let things = call mem.make-many(2)")
        #expect(try printed("call mem.count()", in: session, output) == "3\n")
        try session.execute("drop $things")  // a list is forgotten, not dropped
    }

    @Test("on a terminal a long result is cut at 8 KiB with its whole length, and show prints it whole")
    func longResultOnTerminal() throws {
        let (session, output) = try session(terminal: true)
        try session.execute("load values")
        let long = String(repeating: "x", count: 20_000)
        let text = try printed("call values.echo.echo-string(\"\(long)\")", in: session, output)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].utf8.count == Session.terminalResultBytes + "…".utf8.count)
        #expect(lines[1] == "(20002 bytes of WAVE in all; 'show $_' prints it whole, 'show $_ --raw' as text)")
        #expect(try printed("show $_", in: session, output) == "\"\(long)\"\n")
        #expect(try printed("show $_ --raw", in: session, output) == long + "\n")
    }

    @Test("piped, a result prints whole, as wasmtime run --invoke prints it")
    func longResultPiped() throws {
        let (session, output) = try session(terminal: false)
        try session.execute("load values")
        let long = String(repeating: "y", count: 20_000)
        #expect(try printed("call values.echo.echo-string(\"\(long)\")", in: session, output) == "\"\(long)\"\n")
    }

    @Test("show --raw prints a string as text; on a terminal control characters other than line breaks are escaped")
    func rawText() throws {
        let (plain, plainOutput) = try session(terminal: false)
        try plain.execute("load values")
        try plain.execute(#"call values.echo.echo-string("a\nb\u{1b}[2Jc")"#)
        #expect(try printed("show $_ --raw", in: plain, plainOutput) == "a\nb\u{1b}[2Jc\n")
        let (terminal, terminalOutput) = try session(terminal: true)
        try terminal.execute("load values")
        try terminal.execute(#"call values.echo.echo-string("a\nb\u{1b}[2Jc")"#)
        #expect(try printed("show $_ --raw", in: terminal, terminalOutput) == "a\nb\\u{1b}[2Jc\n")
        #expect(throws: ShellError("--raw shows text, and $_ is a u32; 'show $_' prints it in WAVE")) {
            try terminal.execute("call values.add(1, 2)")
            try terminal.execute("show $_ --raw")
        }
    }
}
