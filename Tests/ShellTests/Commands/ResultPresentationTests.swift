import Foundation
import Testing
import WasmRuntime

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

    @Test("let and vars show a long binding cut short on a terminal, and whole when piped")
    func longBindings() throws {
        let (terminal, terminalOutput) = try session(terminal: true)
        try terminal.execute("load components/hostile/hostile-memory.wasm as mem")
        let shown = try printed("let big = call mem.aliased-strings(100, 1024)", in: terminal, terminalOutput)
        let lines = shown.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("$big: list<string> = [\"aaa") && lines[0].hasSuffix("…"))
        #expect(lines[1].hasSuffix("bytes of WAVE in all; 'show $big' prints it whole)"))
        let listed = try printed("vars", in: terminal, terminalOutput)
        #expect(listed.contains("…  (mem)\n"))

        let (piped, pipedOutput) = try session(terminal: false)
        try piped.execute("load components/hostile/hostile-memory.wasm as mem")
        let whole = try printed("let big = call mem.aliased-strings(100, 1024)", in: piped, pipedOutput)
        #expect(whole.utf8.count > 100 * 1024)
        #expect(whole.hasSuffix("\"]\n"))
    }

    @Test("a whole result is printed in pieces as it is made, and Ctrl-C stops it between two pieces")
    func printingStopsOnInterrupt() throws {
        var settings = SessionSettings()
        settings.componentsDirectory = repositoryRoot.appendingPathComponent("components").path
        settings.root = repositoryRoot.path
        let output = InterruptingOutput()
        let session = try Session(settings: settings, output: output)
        try session.execute("load components/hostile/hostile-memory.wasm as mem")
        // 1,000 strings of 64 KiB: 64 MB of WAVE, which is never made whole.
        output.interruptAfterBytes = 200 << 10
        output.interrupts = session.environment.interrupts
        try session.execute("call mem.aliased-strings(1000, 65536)")
        let text = output.text
        #expect(text.utf8.count < 1 << 20)
        #expect(text.hasSuffix("…\n(printing stopped by Ctrl-C; 'show $_' prints it again)\n"))
        // The next call runs as usual.
        output.interruptAfterBytes = nil
        try session.execute("call mem.aliased-strings(2, 3)")
        #expect(output.text.hasSuffix("[\"aaa\", \"aaa\"]\n"))
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

/// Output that presses Ctrl-C (interrupts the session's guests) once `interruptAfterBytes` have
/// been written, as a user would while a long result scrolls by.
private final class InterruptingOutput: ShellOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var written = ""
    var interruptAfterBytes: Int?
    var interrupts: InterruptBroadcaster?

    var text: String { lock.withLock { written } }

    func write(_ text: String) {
        let count = lock.withLock {
            written += text
            return written.utf8.count
        }
        if let limit = interruptAfterBytes, count >= limit {
            interruptAfterBytes = nil
            interrupts?.interruptAll()
        }
    }

    func writeError(_ text: String) { write(text) }
    func write(bytes: [UInt8], toError: Bool) { write(String(decoding: bytes, as: UTF8.self)) }
}
