import Capabilities
import Foundation
import PTYTestSupport
import TerminalUI
import Testing

@testable import Shell

/// A session in this process with components loaded from the repository, output kept.
func makeInspectorSession(loading names: [String]) throws -> (Session, BufferedOutput) {
    var settings = SessionSettings()
    settings.componentsDirectory = repositoryRoot.appendingPathComponent("components").path
    settings.manifestsDirectory = repositoryRoot.appendingPathComponent("manifests").path
    settings.root = repositoryRoot.path
    let output = BufferedOutput()
    let session = try Session(settings: settings, output: output)
    for name in names { try session.execute("load \(name)") }
    return (session, output)
}

/// The lines a command printed.
private func printed(by line: String, in session: Session, output: BufferedOutput) throws -> String {
    let before = output.standardOutput.count
    try session.execute(line)
    return String(output.standardOutput.dropFirst(before)).trimmingCharacters(in: .newlines)
}

private func grants(of name: String, in session: Session) throws -> [CapabilityRule] {
    try session.component(named: name).sandboxed.policy.grants
}

@Suite("Inspector model, keys and layout")
struct InspectorTests {
    @Test("opening on a named component selects it and focuses its imports; an unknown name is an error")
    func opensOnComponent() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious", "values"])
        let model = try InspectorModel(session: session, selecting: "values")
        #expect(model.selectedComponent?.name == "values")
        #expect(model.focus == .imports)
        #expect(model.importRows.map(\.shortName) == ["types", "host"])
        #expect(model.exportRows.first?.text == "add: func(a: u32, b: u32) -> u32")

        let unnamed = try InspectorModel(session: session)
        #expect(unnamed.selectedComponent?.name == "malicious")
        #expect(unnamed.focus == .components)

        #expect(throws: ShellError.self) { try InspectorModel(session: session, selecting: "nothing") }
    }

    @Test("up and down move within bounds, and choosing another component resets its panes")
    func selection() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious", "values", "busy"])
        let model = try InspectorModel(session: session, selecting: "values")
        model.perform(.focusNext)
        #expect(model.focus == .exports)
        model.perform(.move(2))
        #expect(model.selectedExport?.export.qualifiedName == "echo.echo-s8")
        model.perform(.moveToLast)
        #expect(model.exportIndex == model.exportRows.count - 1)
        model.perform(.move(50))
        #expect(model.exportIndex == model.exportRows.count - 1)

        model.perform(.focusNext)
        model.perform(.focusNext)
        model.perform(.focusNext)
        #expect(model.focus == .components)
        model.perform(.move(1))
        #expect(model.selectedComponent?.name == "busy")
        #expect(model.exportIndex == 0)
        model.perform(.move(1))
        #expect(model.selectedComponent?.name == "busy")
        model.perform(.move(-9))
        #expect(model.selectedComponent?.name == "malicious")
        model.perform(.focusPrevious)
        #expect(model.focus == .output)
        model.perform(.focusPrevious)
        #expect(model.focus == .audit)
    }

    @Test("g grants the whole interface exactly as 'grant C IFACE' does, and again revokes it as 'revoke C IFACE' does")
    func toggleMatchesCommands() throws {
        let (inspected, _) = try makeInspectorSession(loading: ["malicious"])
        let (typed, typedOutput) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: inspected, selecting: "malicious")
        #expect(model.importRows.map(\.state) == [.denied])

        model.perform(.toggleGrant)
        let granted = try printed(by: "grant malicious filesystem", in: typed, output: typedOutput)
        #expect(model.status == InspectorStatus(kind: .success, message: granted))
        #expect(granted == "granted malicious: filesystem")
        #expect(try grants(of: "malicious", in: inspected) == grants(of: "malicious", in: typed))
        #expect(model.importRows.map(\.state) == [.granted(scopes: ["all"])])

        model.perform(.toggleGrant)
        let revoked = try printed(by: "revoke malicious filesystem", in: typed, output: typedOutput)
        #expect(model.status == InspectorStatus(kind: .success, message: revoked))
        #expect(try grants(of: "malicious", in: inspected).isEmpty)
        #expect(try grants(of: "malicious", in: typed).isEmpty)
        #expect(model.importRows.map(\.state) == [.denied])
    }

    @Test("g on an interface with scoped grants revokes all of them")
    func toggleRevokesScopedGrants() throws {
        let (session, _) = try makeInspectorSession(loading: ["trusted"])
        try session.execute("revoke trusted filesystem ./demo.txt")  // the manifest's grant
        try session.execute("grant trusted filesystem /tmp --write")
        try session.execute("grant trusted filesystem.read-file ./demo.txt")
        let model = try InspectorModel(session: session, selecting: "trusted")
        #expect(model.selectedImport?.state == .granted(scopes: ["read+write /tmp", "read-file read ./demo.txt"]))
        model.perform(.toggleGrant)
        #expect(try grants(of: "trusted", in: session).isEmpty)
        #expect(model.status.kind == .success)
        #expect(model.status.message.contains("revoked trusted: filesystem read+write /tmp"))
        #expect(model.selectedImport?.state == .denied)
    }

    @Test("g on an import the shell does not provide changes nothing and says why")
    func toggleNotProvided() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        model.perform(.move(1))
        #expect(model.selectedImport?.state == .notProvided)
        model.perform(.toggleGrant)
        #expect(model.status.kind == .failure)
        #expect(model.status.message.contains("host is not provided"))
        #expect(try grants(of: "values", in: session).isEmpty)
    }

    @Test("calling an export through the model shows its result and the host call in the audit pane")
    func callUpdatesStatusAndAudit() throws {
        let (session, output) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session, selecting: "malicious")
        model.visibleRows[.audit] = 5
        model.perform(.focusNext)
        model.perform(.activate)
        let prompt = try #require(model.prompt)
        #expect(prompt.prefix == "call malicious.skill.run(")
        #expect(prompt.input.string.isEmpty)
        model.perform(.submit)
        #expect(model.prompt == nil)
        #expect(model.pendingCall == InspectorPendingCall(text: "malicious.skill.run()", isStepped: false))
        #expect(model.status.kind == .running)
        model.runPendingCall()
        #expect(model.pendingCall == nil)
        #expect(model.status.kind == .success)
        #expect(model.status.message.hasPrefix("malicious.skill.run() → \"BLOCKED: Failed to read /etc/passwd"))
        #expect(model.visibleAuditEvents(rows: 5).map(\.decision.verdict) == [.denied])

        model.perform(.toggleGrant)
        model.perform(.promptCall)
        model.perform(.submit)
        model.runPendingCall()
        #expect(model.status.message.hasPrefix("malicious.skill.run() → \"SUCCESS: Read /etc/passwd content:"))
        let newest = try #require(model.visibleAuditEvents(rows: 5).last)
        #expect(newest.decision.verdict == .allowed)
        #expect(
            model.auditLine(for: newest).hasPrefix(
                "[ALLOWED] malicious   filesystem.read-file(\"/etc/passwd\") -> ok(\"root:"))
        // The same call as the `call` command makes: the session's own audit lines were written too.
        #expect(output.standardOutput.contains("[ALLOWED] malicious"))
    }

    @Test("the argument prompt starts with WAVE placeholders, edits, and reports errors of the call")
    func argumentPrompt() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        model.perform(.focusNext)
        model.perform(.activate)
        #expect(model.prompt?.input.string == "0, 0")
        model.perform(.cursorToStart)
        model.perform(.deleteForward)
        model.perform(.insert("4"))
        model.perform(.insert("0"))
        model.perform(.cursorToEnd)
        model.perform(.deleteBackward)
        model.perform(.insert("2"))
        #expect(model.prompt?.callText == "values.add(40, 2)")
        model.perform(.submit)
        model.runPendingCall()
        #expect(model.status == InspectorStatus(kind: .success, message: "values.add(40, 2) → 42"))

        model.perform(.activate)
        model.perform(.clearInput)
        for character in "x" { model.perform(.insert(character)) }
        model.perform(.submit)
        model.runPendingCall()
        #expect(model.status.kind == .failure)
        #expect(model.status.message.hasPrefix("values.add(x): "))

        model.perform(.activate)
        model.perform(.cancel)
        #expect(model.prompt == nil)
        #expect(model.pendingCall == nil)
        #expect(model.status.message == "call cancelled")
    }

    @Test("typing replaces the placeholders whole, Backspace clears them, an arrow key keeps them to edit")
    func placeholders() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        model.perform(.focusNext)
        model.perform(.activate)
        #expect(model.prompt?.input.isPlaceholder == true)
        #expect(InspectorKeys.helpLine(for: model).hasPrefix("typing replaces the placeholders  Enter call"))
        for character in "1, 2" { model.perform(.insert(character)) }
        #expect(InspectorKeys.helpLine(for: model).hasPrefix("type WAVE arguments  Enter call"))
        #expect(model.prompt?.callText == "values.add(1, 2)")
        model.perform(.submit)
        model.runPendingCall()
        #expect(model.status == InspectorStatus(kind: .success, message: "values.add(1, 2) → 3"))

        model.perform(.activate)
        model.perform(.deleteBackward)
        #expect(model.prompt?.input.string == "")
        model.perform(.cancel)

        model.perform(.activate)
        model.perform(.cursorRight)
        #expect(model.prompt?.input.isPlaceholder == false)
        model.perform(.insert("7"))
        #expect(model.prompt?.callText == "values.add(07, 0)")
        model.perform(.cancel)

        // Enter alone calls with the placeholders.
        model.perform(.activate)
        model.perform(.submit)
        model.runPendingCall()
        #expect(model.status == InspectorStatus(kind: .success, message: "values.add(0, 0) → 0"))
    }

    @Test("an interface imported for its types alone shows as TYPES ONLY, and g grants nothing")
    func typesOnlyImport() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        #expect(model.selectedImport?.shortName == "types")
        #expect(model.selectedImport?.state == .typesOnly)
        model.perform(.toggleGrant)
        #expect(
            model.status
                == InspectorStatus(kind: .failure, message: "types holds only types, no functions: nothing to grant"))
        #expect(try grants(of: "values", in: session).isEmpty)
    }

    @Test("r reloads the selected component after a trap, as 'reload C' does; the key line says so")
    func reloadAfterTrap() throws {
        let (session, _) = try makeInspectorSession(loading: ["compute"])
        let model = try InspectorModel(session: session, selecting: "compute")
        model.call("compute.divide(1, 0)")
        #expect(model.status.kind == .failure)
        #expect(model.selectedComponent?.sandboxed.component.poisoned != nil)
        #expect(InspectorKeys.helpLine(for: model) == "compute is unusable: r reloads it  q quit  ? keys")
        #expect(InspectorKeys.action(for: .character("r"), in: model) == .reload)
        model.perform(.reload)
        #expect(
            model.status
                == InspectorStatus(
                    kind: .success, message: "reloaded compute (\(model.selectedComponent?.path ?? "")) with its policy"
                ))
        #expect(model.selectedComponent?.sandboxed.component.poisoned == nil)
        model.call("compute.divide(7, 2)")
        #expect(model.status == InspectorStatus(kind: .success, message: "compute.divide(7, 2) → 3"))
    }

    @Test("every line of the key help fits an 80-column terminal, in its box")
    func helpFitsEightyColumns() throws {
        // The box takes two columns of border and two of padding, and keeps one free on each side.
        for line in InspectorKeys.helpText + InspectorKeys.pauseHelpText {
            #expect(InspectorText.columns(of: line) <= 80 - 6, "too wide: \(line)")
        }
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        #expect(InspectorText.columns(of: InspectorKeys.helpLine(for: model)) <= 80)
        #expect(InspectorKeys.helpText.contains { $0.hasPrefix("r ") && $0.contains("reload") })
    }

    @Test("the audit pane scrolls back through older host calls and End returns to the newest")
    func auditScrolling() throws {
        let (session, _) = try makeInspectorSession(loading: ["busy"])
        try session.execute("grant busy filesystem")
        try session.execute("call busy.read-many(\"demo.txt\", 10)")
        let model = try InspectorModel(session: session)
        model.visibleRows[.audit] = 3
        #expect(model.auditEvents.count == 10)
        #expect(model.visibleAuditEvents(rows: 3).map(\.sequence) == [8, 9, 10])
        model.perform(.focusPrevious)
        model.perform(.focusPrevious)
        #expect(model.focus == .audit)
        model.perform(.move(-2))
        #expect(model.visibleAuditEvents(rows: 3).map(\.sequence) == [6, 7, 8])
        model.perform(.moveToFirst)
        #expect(model.visibleAuditEvents(rows: 3).map(\.sequence) == [1, 2, 3])
        model.perform(.move(-1))
        #expect(model.visibleAuditEvents(rows: 3).map(\.sequence) == [1, 2, 3])
        model.perform(.moveToLast)
        #expect(model.visibleAuditEvents(rows: 3).map(\.sequence) == [8, 9, 10])

        try session.execute("audit clear")
        #expect(model.auditEvents.isEmpty)
        #expect(model.visibleAuditEvents(rows: 3).isEmpty)
    }

    @Test("keys mean browsing, typing or closing depending on what is shown")
    func keyMapping() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        let model = try InspectorModel(session: session, selecting: "values")
        #expect(InspectorKeys.action(for: .character("q"), in: model) == .quit)
        #expect(InspectorKeys.action(for: .escape, in: model) == .quit)
        #expect(InspectorKeys.action(for: .character("g"), in: model) == .toggleGrant)
        #expect(InspectorKeys.action(for: .tab, in: model) == .focusNext)
        #expect(InspectorKeys.action(for: .down, in: model) == .move(1))
        #expect(InspectorKeys.action(for: .resize, in: model) == .refresh)
        #expect(InspectorKeys.action(for: .timeout, in: model) == .refresh)
        #expect(InspectorKeys.action(for: .character("?"), in: model) == .showHelp)
        #expect(InspectorKeys.action(for: .control("l"), in: model) == .repaint)
        #expect(InspectorKeys.action(for: .interrupt, in: model) == .quit)
        #expect(InspectorKeys.name(ofLeavingKey: .interrupt) == "Ctrl-C")
        #expect(InspectorKeys.name(ofLeavingKey: .escape) == "Esc")

        model.perform(.showHelp)
        #expect(model.overlay == .help)
        #expect(InspectorKeys.action(for: .character("q"), in: model) == .dismissOverlay)
        model.perform(.dismissOverlay)

        model.perform(.promptCall)
        #expect(InspectorKeys.action(for: .character("q"), in: model) == .insert("q"))
        #expect(InspectorKeys.action(for: .character("g"), in: model) == .insert("g"))
        #expect(InspectorKeys.action(for: .enter, in: model) == .submit)
        #expect(InspectorKeys.action(for: .escape, in: model) == .cancel)
        #expect(InspectorKeys.action(for: .backspace, in: model) == .deleteBackward)
        #expect(InspectorKeys.action(for: .control("u"), in: model) == .clearInput)
        #expect(InspectorKeys.helpLine(for: model).contains("Esc cancel"))
    }

    @Test("a multi-line message shows its first line in the status and all of it with m")
    func messages() throws {
        let status = InspectorStatus(kind: .failure, message: "trap: unreachable\n  at f\n  at g")
        #expect(status.line == "trap: unreachable …")
        #expect(InspectorText.wrapped("abcdefgh\nxy", width: 3) == ["abc", "def", "gh", "xy"])
        #expect(InspectorText.sanitized("a\tb\u{1B}[31m") == "a b [31m")

        let (session, _) = try makeInspectorSession(loading: ["malicious"])
        let model = try InspectorModel(session: session)
        model.perform(.showMessage)
        #expect(model.overlay == .message(model.status.message))
    }

    @Test("the layout fits the panes on the screen without overlap, and says when it is too small")
    func layout() {
        for (rows, columns) in [(24, 80), (12, 40), (50, 200), (13, 41)] {
            let layout = InspectorLayout(rows: rows, columns: columns, longestName: 9)
            #expect(!layout.isTooSmall)
            let regions = InspectorPane.allCases.map(layout.region(of:))
            for region in regions {
                #expect(region.row >= 1 && region.row + region.height <= layout.statusRow)
                #expect(region.column >= 0 && region.column + region.width <= columns)
                #expect(region.bodyRows >= 1, "\(rows)x\(columns): \(region)")
            }
            for (index, first) in regions.enumerated() {
                for second in regions[(index + 1)...] {
                    let rowsOverlap = first.row < second.row + second.height && second.row < first.row + first.height
                    let columnsOverlap =
                        first.column < second.column + second.width && second.column < first.column + first.width
                    #expect(!(rowsOverlap && columnsOverlap), "\(first) overlaps \(second)")
                }
            }
            #expect(layout.separatorColumn < layout.imports.column)
        }
        #expect(InspectorLayout(rows: 11, columns: 80, longestName: 5).isTooSmall)
        #expect(InspectorLayout(rows: 24, columns: 39, longestName: 5).isTooSmall)
        #expect(InspectorView.visibleWindow(count: 10, selected: 7, rows: 4) == 4..<8)
        #expect(InspectorView.visibleWindow(count: 10, selected: 2, rows: 4) == 0..<4)
        #expect(InspectorView.visibleWindow(count: 0, selected: 0, rows: 4) == 0..<0)
    }

    @Test("the line input inserts at the cursor, deletes on both sides and ignores control characters")
    func lineInput() {
        var input = InspectorLineInput("ac")
        input.moveLeft()
        input.insert("b")
        #expect(input.string == "abc")
        input.insert("\u{7}")
        #expect(input.string == "abc")
        input.moveToStart()
        input.deleteBackward()
        input.deleteForward()
        #expect(input.string == "bc")
        input.moveToEnd()
        input.moveRight()
        #expect(input.cursor == 2)
        input.clear()
        #expect(input.string.isEmpty && input.cursor == 0)

        var placeholder = InspectorLineInput(placeholder: "0, \"\"")
        #expect(placeholder.isPlaceholder && placeholder.cursor == 0)
        placeholder.insert("\u{7}")
        #expect(placeholder.isPlaceholder)
        placeholder.insert("9")
        #expect(placeholder.string == "9" && !placeholder.isPlaceholder)
        #expect(!InspectorLineInput(placeholder: "").isPlaceholder)
    }
}

@Suite("Inspector on a terminal", .serialized)
struct InspectorPTYTests {
    @Test("toggle a grant, call skill.run, see the ALLOWED line in the audit pane, leave with q")
    func grantCallAndLeave() throws {
        let shell = try InteractiveSession()
        try shell.run("load malicious")
        try shell.process.send("inspect malicious\r")
        try shell.process.waitFor("wasmsh inspect")
        try shell.process.waitFor("DENIED")
        try shell.process.waitFor("no host calls yet")
        try shell.process.send("g")
        // Only the part of a line that changed is redrawn: match what is new.
        try shell.process.waitFor("GRANTED (all)")
        try shell.process.waitFor("malicious: filesystem")
        try shell.process.send("\t\r")
        try shell.process.waitFor("skill.run(")
        try shell.process.send("\r")
        try shell.process.waitFor("[ALLOWED] malicious")
        try shell.process.waitFor("SUCCESS: Read /etc/passwd")
        // The shell's own audit line went to the inspector's output and was dropped, not drawn over the screen.
        #expect(shell.process.text.components(separatedBy: "[ALLOWED]").count == 2)

        try shell.process.resize(columns: 70, rows: 16)
        try shell.process.waitFor("wasmsh inspect")  // a resize repaints everything
        try shell.process.send("q")
        try shell.prompt()
        #expect(try shell.run("grants malicious").contains("filesystem"))
        #expect(try shell.run("audit --last 1").contains("[ALLOWED] malicious"))
        try shell.quit()
    }

    @Test(
        "at 80 columns: typed arguments replace the placeholder, r reloads after a trap, the help box is whole, Ctrl-C leaves and the shell says so"
    )
    func eightyColumns() throws {
        let shell = try InteractiveSession(columns: 80)
        try shell.run("load compute")
        try shell.process.send("inspect compute\r")
        try shell.process.waitFor("wasmsh inspect")
        try shell.process.send("\t\r")
        try shell.process.waitFor("call compute.fib(")
        try shell.process.send("10\r")
        try shell.process.waitFor("compute.fib(10) → 55")
        try shell.process.send("jjj\r")  // trap-unreachable
        try shell.process.waitFor("call compute.trap-unreachable(")
        try shell.process.send("\r")
        try shell.process.waitFor("r reloads it")
        try shell.process.send("r")
        try shell.process.waitFor("reloaded compute")
        try shell.process.send("?")
        try shell.process.waitFor("(after a trap or abort)")  // the end of the widest line
        try shell.process.send(" ")
        try shell.process.send("\u{3}")
        let left = try shell.process.waitFor("wasmsh> ")
        try shell.process.waitForNonCanonicalMode()
        #expect(left.contains("left the inspector (Ctrl-C); 'inspect' opens it again"))
        #expect(try shell.run("call compute.fib(10)").contains("55"))
        try shell.quit()
    }

    @Test("with TERM=dumb inspect says it needs a terminal and the shell goes on")
    func dumbTerminal() throws {
        let shell = try InteractiveSession(environment: ["TERM": "dumb"])
        try shell.run("load malicious")
        let output = try shell.run("inspect malicious")
        #expect(output.contains("Error: inspect needs a terminal: cannot open a full-screen view: TERM is 'dumb'"))
        #expect(try shell.run("components").contains("malicious"))
        try shell.quit()
    }

    @Test("in a piped script inspect is an error of its line")
    func pipedScript() throws {
        let (stdout, stderr, status) = try runWasmsh([], standardInput: "load malicious\ninspect malicious\n")
        #expect(stdout.contains("loaded malicious"))
        #expect(
            stderr.contains(
                "Error: near line 2: inspect needs a terminal: cannot open a full-screen view: standard input is not a terminal"
            ))
        #expect(status != 0)
    }
}
