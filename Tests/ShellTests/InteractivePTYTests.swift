import Foundation
import PTYTestSupport
import Testing

/// The real `wasmsh` on a pseudo-terminal, started in the repository root.
struct InteractiveSession {
    let process: PTYProcess
    /// HOME, removed when the last session using it is gone.
    let homeFolder: TemporaryFolder
    var home: URL { homeFolder.url }

    /// - Parameter home: another session's HOME, to share its history; nil: a fresh one.
    /// - Parameter directory: where wasmsh starts; nil: the repository root.
    init(
        environment overrides: [String: String] = [:], home: TemporaryFolder? = nil, columns: Int = 200,
        directory: String? = nil
    ) throws {
        homeFolder = try home ?? TemporaryFolder(prefix: "wasmsh-pty")
        var environment = [
            "HOME": homeFolder.path, "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
            "NO_COLOR": "1",
        ]
        for (name, value) in overrides { environment[name] = value }
        environment = environment.filter { !$0.value.isEmpty }
        let wasmsh = try PTYProcess.builtProduct(named: "wasmsh")
        process = try PTYProcess(
            executable: "/bin/sh", arguments: ["-c", "cd '\(directory ?? repositoryRoot.path)' && exec '\(wasmsh)'"],
            environment: environment, columns: columns)
        try process.waitFor("type 'help'")
        try prompt()
    }

    func prompt() throws {
        try process.waitFor("wasmsh> ")
        try process.waitForNonCanonicalMode()
    }

    /// Types a line and waits for the next prompt; returns what was printed in between.
    @discardableResult
    func run(_ line: String) throws -> String {
        try process.send(line + "\r")
        let output = try process.waitFor("wasmsh> ")
        try process.waitForNonCanonicalMode()
        return output
    }

    /// Loads `component` (a `load` argument) and opens the inspector on it, audit pane empty.
    func openInspector(loading component: String) throws {
        try run("load \(component)")
        let name = component.split(separator: " ").first.map(String.init) ?? component
        try process.send("inspect \(name)\r")
        try process.waitFor("wasmsh inspect")
        try process.waitFor("no host calls yet")
    }

    func quit() throws {
        try process.send("\u{4}")
        #expect(try process.waitForExit() == 0)
    }
}

@Suite("Interactive shell on a terminal", .serialized)
struct InteractivePTYTests {
    @Test("the prompt appears and the seed flow works by typing")
    func flowByTyping() throws {
        let shell = try InteractiveSession()
        #expect(try shell.run("load malicious").contains("loaded malicious (components/malicious.wasm)"))
        let denied = try shell.run("call malicious.run()")
        #expect(
            denied.contains("[DENIED]  malicious   filesystem.read-file(\"/etc/passwd\")  no filesystem capability"))
        #expect(denied.contains("BLOCKED: Failed to read /etc/passwd"))
        #expect(try shell.run("grant malicious filesystem").contains("granted malicious: filesystem"))
        let allowed = try shell.run("call malicious.run()")
        #expect(allowed.contains("[ALLOWED] malicious"))
        #expect(allowed.contains("SUCCESS: Read /etc/passwd content:\\nroot:"))
        #expect(try shell.run("revoke malicious filesystem").contains("revoked malicious: filesystem"))
        #expect(try shell.run("call malicious.run()").contains("BLOCKED"))
        try shell.quit()
    }

    @Test("tab completes commands, component names and capabilities")
    func completesNamesAndCapabilities() throws {
        let shell = try InteractiveSession()
        try shell.process.send("lo\t")
        try shell.process.waitFor("load ")
        try shell.process.send("malic\t")
        try shell.process.waitFor("malicious")
        try shell.process.send("\r")
        try shell.process.waitFor("loaded malicious")
        try shell.prompt()
        try shell.process.send("grant mal\t")
        try shell.process.waitFor("grant malicious ")
        try shell.process.send("sandbox:sk\t")
        try shell.process.waitFor("sandbox:skill/filesystem")
        #expect(try shell.run("").contains("granted malicious: filesystem"))
        try shell.quit()
    }

    @Test("tab completes an exported function into a whole call: Enter runs it, Backspace takes the placeholders back")
    func completesFunctionsWithPlaceholders() throws {
        let shell = try InteractiveSession()
        try shell.run("load values")
        try shell.process.send("call val\t")
        try shell.process.waitFor("call values.")
        try shell.process.send("echo.echo-poi\t")
        try shell.process.waitFor("({x: 0, y: 0})")  // the line is redrawn, so only the insertion shows whole
        #expect(try shell.run("").contains("{x: 0, y: 0}"))
        try shell.process.send("call values.ad\t")
        try shell.process.waitFor("(0, 0)")
        #expect(try shell.run("").contains("\n0"))
        // The cursor stands before the ')': four Backspaces take "0, 0" back.
        try shell.process.send("call values.ad\t")
        try shell.process.waitFor("(0, 0)")
        #expect(try shell.run("\u{7F}\u{7F}\u{7F}\u{7F}40, 2").contains("\n42"))
        try shell.quit()
    }

    @Test("history is kept across two runs")
    func historyPersists() throws {
        let first = try InteractiveSession()
        try first.run("load trusted")
        try first.quit()
        let second = try InteractiveSession(home: first.homeFolder)
        try second.process.send("\u{1B}[A")
        try second.process.waitFor("load trusted")
        #expect(try second.run("").contains("loaded trusted"))
        try second.quit()
        let saved = try String(contentsOf: first.home.appendingPathComponent(".wasmsh_history"), encoding: .utf8)
        #expect(saved.contains("load\\040trusted"))  // libedit encodes spaces
    }

    @Test("Ctrl-C clears the line and Ctrl-D on an empty line quits")
    func controlKeys() throws {
        let shell = try InteractiveSession()
        try shell.process.send("load trust")
        try shell.process.send("\u{3}")
        try shell.prompt()
        #expect(try shell.run("components").contains("no components loaded"))
        try shell.quit()
    }

    @Test("exit quits, as quit does")
    func exitQuits() throws {
        let shell = try InteractiveSession()
        try shell.process.send("exit\r")
        #expect(try shell.process.waitForExit() == 0)
    }

    @Test("Ctrl-L clears the screen, in emacs and in vi mode")
    func controlLClears() throws {
        let vi = try TemporaryFolder(prefix: "wasmsh-pty")
        try "bind -v\n".write(to: vi.url.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        for home in [nil, vi] {
            let shell = try InteractiveSession(home: home)
            try shell.process.send("load")
            try shell.process.send("\u{C}")
            try shell.process.waitForRaw("\u{1B}[2J")  // xterm's clear
            try shell.process.waitFor("wasmsh> load")
            #expect(try shell.run(" trusted").contains("loaded trusted"))
            try shell.quit()
        }
    }

    @Test("help, load's notes and errors wrap to an 80-column terminal")
    func helpWraps() throws {
        let shell = try InteractiveSession(columns: 80)
        let help = try shell.run("help")
        let lines = help.split(separator: "\n").map(String.init).dropLast()  // the prompt
        #expect(lines.contains { $0.hasPrefix("  load        parse, validate and instantiate") })
        #expect(lines.contains { $0.hasPrefix("              ") }, "no continuation line")
        for line in lines { #expect(line.count <= 80, "wider than the terminal: \(line)") }
        // Each output starts with the line typed and ends with the next prompt.
        let load = try shell.run("load values").split(separator: "\n").dropFirst().dropLast()
        #expect(
            load.first?.hasPrefix("loaded values (components/values.wasm): 2 imports, 74 exported functions;") == true)
        let error = try shell.run("call values.ad(1, 2)").split(separator: "\n").dropFirst().dropLast()
        #expect(error.first?.hasPrefix("Error: no exported function 'ad'; did you mean 'add'?") == true)
        #expect(error.dropFirst().allSatisfy { $0.hasPrefix("  ") })
        for line in load + error { #expect(line.count <= 80, "wider than the terminal: \(line)") }
        try shell.quit()
    }

    @Test("started away from the repository, the banner and load say which folder is missing where")
    func missingFolders() throws {
        let elsewhere = try TemporaryFolder(prefix: "wasmsh-pty")
        let shell = try InteractiveSession(directory: elsewhere.path)
        let banner = shell.process.text
        #expect(
            banner.contains("wasmsh 0.1.0 — type 'help' (Tab completes). No ./components folder in \(elsewhere.path)"))
        #expect(banner.contains("no ./manifests folder."))
        let load = try shell.run("load trusted")
        #expect(load.contains("no component 'trusted': there is no ./components folder in \(elsewhere.path)"))
        #expect(load.contains("give the file's path ('load DIR/trusted.wasm')"))
        let byPath = try shell.run("load \(repositoryRoot.path)/components/trusted.wasm")
        #expect(byPath.contains("loaded trusted"))
        try shell.quit()
    }

    @Test("errors are red on a colour terminal and plain with NO_COLOR or TERM=dumb")
    func colours() throws {
        let coloured = try InteractiveSession(environment: ["NO_COLOR": ""])
        try coloured.process.send("bogus\r")
        let raw = try coloured.process.waitForRaw("unknown command")
        #expect(raw.contains("\u{1B}["))
        try coloured.prompt()
        try coloured.quit()

        for environment in [["NO_COLOR": "1"], ["NO_COLOR": "", "TERM": "dumb"]] {
            let plain = try InteractiveSession(environment: environment)
            try plain.process.send("bogus\r")
            let text = try plain.process.waitForRaw("unknown command")
            #expect(!text.contains("\u{1B}[3"), "colour escape with \(environment)")
            try plain.prompt()
            try plain.quit()
        }
    }
}

@Suite("Ctrl-C during a call", .serialized)
struct InterruptPTYTests {
    @Test("Ctrl-C stops a guest in an infinite loop within a second and the shell goes on")
    func interruptsRunawayGuest() throws {
        let shell = try InteractiveSession()
        try shell.run("load compute")
        try shell.process.send("call compute.forever()\r")
        // Let the guest spin, then interrupt it.
        Thread.sleep(forTimeInterval: 0.3)
        let start = ContinuousClock.now
        try shell.process.send("\u{3}")
        let output = try shell.process.waitFor("wasmsh> ", timeout: .seconds(5))
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(output.contains("interrupted: the call was stopped (Ctrl-C)"))
        try shell.process.waitForNonCanonicalMode()
        #expect(try shell.run("call compute.fib(10)").contains("'reload compute' to start afresh"))
        #expect(try shell.run("reload compute").contains("reloaded compute"))
        #expect(try shell.run("call compute.fib(10)").contains("55"))
        try shell.quit()
    }

    @Test("Ctrl-C stops a load whose start function never returns")
    func interruptsRunawayStartFunction() throws {
        let shell = try InteractiveSession()
        try shell.process.send("load Tests/WasmRuntimeTests/WasmKitWorkarounds/Fixtures/start-forever.wasm\r")
        Thread.sleep(forTimeInterval: 0.3)
        try shell.process.send("\u{3}")
        let output = try shell.process.waitFor("wasmsh> ", timeout: .seconds(5))
        #expect(output.contains("a start function was stopped (Ctrl-C); the load was stopped"))
        try shell.process.waitForNonCanonicalMode()
        #expect(try shell.run("components").contains("no components loaded"))
        try shell.quit()
    }
}

@Suite("Stepping on a terminal", .serialized)
struct SteppingPTYTests {
    /// Types an answer at the `step>` prompt and waits for the next one; returns what came between.
    private func answer(_ shell: InteractiveSession, _ line: String) throws -> String {
        try shell.process.send(line + "\r")
        let output = try shell.process.waitFor("step> ")
        try shell.process.waitForNonCanonicalMode()
        return output
    }

    @Test("step pauses at a step> prompt before the host call, and allow lets it through once")
    func hostCallPause() throws {
        let shell = try InteractiveSession()
        try shell.run("load malicious")
        try shell.process.send("step malicious.run()\r")
        let paused = try shell.process.waitFor("step> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(paused.contains("paused before host call #1: malicious → filesystem.read-file(\"/etc/passwd\")"))
        #expect(paused.contains("policy: DENY (no filesystem capability)"))
        #expect(try answer(shell, "bt").contains("#0 host filesystem.read-file"))
        // Tab completes the answers at the pause, not the shell's commands.
        try shell.process.send("al\t")
        try shell.process.waitFor("allow")
        try shell.process.send("\r")
        let done = try shell.process.waitFor("wasmsh> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(done.contains("[ALLOWED once] malicious   filesystem.read-file(\"/etc/passwd\")"))
        #expect(done.contains("SUCCESS: Read /etc/passwd content:"))
        // Once only: the next plain call is denied again.
        #expect(try shell.run("call malicious.run()").contains("[DENIED]"))
        try shell.quit()
    }

    @Test("loaded with --debug, step walks wasm functions; Enter repeats the last motion; Ctrl-D aborts")
    func functionPauses() throws {
        let shell = try InteractiveSession()
        #expect(try shell.run("load malicious --debug").contains("debug: `step` pauses at entries and exits"))
        try shell.process.send("step malicious.run()\r")
        #expect(
            try shell.process.waitFor("step> ").contains("paused entering skill_run (module 0 function 1), depth 1"))
        try shell.process.waitForNonCanonicalMode()
        // Tab completes function names after break: text_app → text_append (common prefix).
        try shell.process.send("break text_app\t")
        try shell.process.waitFor("text_append_cstr")
        try shell.process.send("\r")
        try shell.process.waitFor("breakpoint set: entering text_append")
        try shell.process.waitFor("step> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(try answer(shell, "next").contains("paused before host call #1"))
        let denied = try answer(shell, "deny")
        #expect(denied.contains("[DENIED once]"))
        #expect(denied.contains("paused entering text_append (module 0 function 6), depth 3 (breakpoint)"))
        #expect(try answer(shell, "finish").contains("paused leaving text_append (module 0 function 6), depth 3"))
        // Enter repeats the last motion.
        #expect(try answer(shell, "").contains("paused leaving text_append_cstr (module 0 function 7), depth 2"))
        let backtrace = try answer(shell, "bt")
        #expect(backtrace.contains("#0 text_append_cstr (module 0 function 7)"))
        #expect(backtrace.contains("#1 skill_run (module 0 function 1)"))
        try shell.process.send("\u{4}")
        let aborted = try shell.process.waitFor("wasmsh> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(aborted.contains("call aborted by the user leaving text_append_cstr"))
        #expect(
            try shell.run("call malicious.run()").contains(
                "it was aborted mid-call; 'reload malicious' to start afresh"))
        try shell.quit()
    }

    @Test(
        "a C component loaded with --debug is stepped by source line at a terminal: break, list, locals, line, next, finish, bt"
    )
    func sourceLines() throws {
        let shell = try InteractiveSession()
        #expect(try shell.run("load components/debug.wasm --debug").contains("source lines of 4 files"))
        // Tab completes source files and C functions after break.
        try shell.process.send("break debug.\t")
        try shell.process.waitFor("break debug.c:")
        try shell.process.send("30\r")
        let set = try shell.process.waitFor("wasmsh> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(set.contains("breakpoint set in debug: debug.c:30 in sum_squares"))
        try shell.process.send("step debug.sum-squares(3)\r")
        #expect(try shell.process.waitFor("step> ").contains("paused entering sum_squares (module 0 function 1)"))
        try shell.process.waitForNonCanonicalMode()
        let hit = try answer(shell, "continue")
        #expect(hit.contains("paused at debug.c:30 in sum_squares, depth 1 (breakpoint)"))
        #expect(hit.contains("30      uint32_t squared = square(i);"))
        let listed = try answer(shell, "list")
        #expect(listed.contains("=> 30      uint32_t squared = square(i);"))
        #expect(listed.contains("   31      total += squared;"))
        let locals = try answer(shell, "locals")
        #expect(locals.contains("uint32_t n = 3"))
        #expect(locals.contains("uint32_t i = 1"))
        #expect(try answer(shell, "line").contains("paused at debug.c:22 in square, depth 2"))
        // Enter repeats the last motion: the next line, back in sum_squares.
        #expect(try answer(shell, "").contains("paused at debug.c:31 in sum_squares, depth 1"))
        #expect(try answer(shell, "next").contains("paused at debug.c:28 in sum_squares, depth 1"))
        // Tab completes variable names after print.
        try shell.process.send("print tot\t")
        try shell.process.waitFor("print total")
        #expect(try answer(shell, "").contains("uint32_t total = 1"))
        try shell.process.send("delete debug.c:30\r")
        try shell.process.waitFor("breakpoint deleted: debug.c:30")
        try shell.process.waitFor("step> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(try answer(shell, "finish").contains("paused leaving sum_squares (module 0 function 1) at debug.c:34"))
        #expect(try answer(shell, "bt").contains("#0 sum_squares (debug.c:34)"))
        try shell.process.send("continue\r")
        let done = try shell.process.waitFor("wasmsh> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(done.contains("14"))
        try shell.quit()
    }
}
