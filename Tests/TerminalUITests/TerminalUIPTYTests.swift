import PTYTestSupport
import Testing

/// TerminalUI in a real program on a pseudo-terminal (`TerminalDemo`).
@Suite("TerminalUI on a terminal")
struct TerminalUIPTYTests {
    private func start(_ mode: String, environment overrides: [String: String?] = [:]) throws -> PTYProcess {
        var environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        for (name, value) in overrides { environment[name] = value }
        return try PTYProcess(
            executable: try PTYProcess.builtProduct(named: "TerminalDemo"), arguments: [mode],
            environment: environment)
    }

    @Test("a program on an xterm-256color terminal colours its output")
    func coloursOn() throws {
        let demo = try start("capabilities")
        try demo.waitFor("color: on count: 256 reason: -")
        try demo.waitForRaw("\u{1B}[31mDENIED\u{1B}(B\u{1B}[m \u{1B}[32mALLOWED")
        #expect(try demo.waitForExit() == 0)
    }

    @Test("NO_COLOR, TERM=dumb and --no-color give plain output")
    func coloursOff() throws {
        for (arguments, environment, reason) in [
            (["capabilities"], ["NO_COLOR": "1"], "NO_COLOR is set"),
            (["capabilities"], ["TERM": "dumb"], "TERM is dumb"),
            (["capabilities", "--no-color"], [:], "--no-color was given"),
        ] as [([String], [String: String?], String)] {
            var merged: [String: String?] = [:]
            for (name, value) in environment { merged[name] = value }
            var environmentValues = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
            for (name, value) in merged { environmentValues[name] = value }
            let demo = try PTYProcess(
                executable: try PTYProcess.builtProduct(named: "TerminalDemo"), arguments: arguments,
                environment: environmentValues)
            try demo.waitFor("color: off count: 0 reason: \(reason)")
            try demo.waitFor("sample: DENIED ALLOWED")
            #expect(try demo.waitForExit() == 0)
            #expect(!demo.transcript.contains("\u{1B}"), "\(demo.transcript)")
        }
    }

    @Test("full screen: draws, reads keys (Ctrl-C too), follows resizes, restores the terminal on quit")
    func fullScreenQuit() throws {
        let demo = try start("fullscreen")
        try demo.waitFor("full screen 80x24")
        try demo.waitForNonCanonicalMode()
        try demo.send("z")
        try demo.waitFor("key: character(\"z\")")
        // Up as a terminal sends it in keypad mode, which ncurses switches on (smkx).
        try demo.send("\u{1B}OA")
        try demo.waitFor("key: up")
        try demo.send("\u{3}")
        try demo.waitFor("key: interrupt")
        try demo.resize(columns: 100, rows: 30)
        try demo.waitFor("full screen 100x30")
        try demo.send("q")
        try demo.waitFor("left full screen: canonical=true echo=true")
        #expect(try demo.waitForExit() == 0)
    }

    @Test("full screen: an error thrown by the body still restores the terminal")
    func fullScreenThrows() throws {
        let demo = try start("fullscreen")
        try demo.waitFor("full screen 80x24")
        try demo.waitForNonCanonicalMode()
        try demo.send("e")
        try demo.waitFor("error: thrown from the full-screen body")
        try demo.waitFor("left full screen: canonical=true echo=true")
        #expect(try demo.waitForExit() == 1)
    }

    @Test("full screen on TERM=dumb fails with a clear error")
    func fullScreenDumb() throws {
        let demo = try start("fullscreen", environment: ["TERM": "dumb"])
        try demo.waitFor("error: cannot open a full-screen view: TERM is 'dumb'")
        #expect(try demo.waitForExit() == 1)
    }
}
