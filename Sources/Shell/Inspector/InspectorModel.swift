import Capabilities
import WasmComponent
import WasmRuntime

/// What the inspector shows and what its keys do, without a terminal: the selection in each
/// pane, the focus, the status line, the argument prompt and overlays. Grants, revokes and
/// calls go through the same code as the `grant`, `revoke` and `call` commands.
///
/// A call is two steps, `perform(.submit)` then `runPendingCall()`, so that the view can show
/// that the call runs (and let Ctrl-C stop it) before the guest takes over the thread. A
/// stepped call (`s`) shows the stepper pane at each pause and takes its answers from keys
/// while `runPendingCall` runs.
final class InspectorModel {
    /// The most of a result the status line shows.
    static let statusResultBytes = 2048

    let session: Session
    private(set) var focus: InspectorPane
    private(set) var componentIndex = 0
    private(set) var importIndex = 0
    private(set) var exportIndex = 0
    /// How many audit lines back from the newest the audit pane is scrolled.
    private(set) var auditScroll = 0
    /// Lines the output pane is scrolled back from the newest.
    private(set) var outputScroll = 0
    private(set) var status: InspectorStatus
    private(set) var prompt: InspectorArgumentPrompt?
    private(set) var overlay: InspectorOverlay?
    /// The call `submit` queued for `runPendingCall`: `malicious.skill.run()`.
    private(set) var pendingCall: InspectorPendingCall?
    /// The stepper pane, while a stepped call runs.
    private(set) var stepper: InspectorStepper?
    private(set) var isFinished = false
    /// Where the session writes while the inspector is open (`Inspector.run` redirects it).
    let output = InspectorOutput()
    /// Rows each pane shows, for page moves and audit scrolling; the view sets them.
    var visibleRows: [InspectorPane: Int] = [:]

    private let auditFormatter = AuditLineFormatter()

    /// Opens on `name` (focused on its imports) or on the first component.
    init(session: Session, selecting name: String? = nil) throws(ShellError) {
        self.session = session
        focus = .components
        if let name {
            let component = try session.component(named: name)
            componentIndex = session.components.firstIndex { $0 === component } ?? 0
            focus = .imports
        }
        status = InspectorStatus(
            kind: .info,
            message: session.components.isEmpty
                ? "no components loaded: leave with q and load one with 'load NAME'"
                : "g grants or revokes the selected import; Enter on an export calls it, s steps it; ? for help")
    }

    // MARK: What the panes show

    var components: [SessionComponent] { session.components }

    var selectedComponent: SessionComponent? {
        components.indices.contains(componentIndex) ? components[componentIndex] : nil
    }

    var importRows: [InspectorImportRow] { selectedComponent.map(InspectorImportRow.rows(for:)) ?? [] }

    var exportRows: [InspectorExportRow] { selectedComponent?.exports.map(InspectorExportRow.init) ?? [] }

    var selectedImport: InspectorImportRow? {
        let rows = importRows
        return rows.indices.contains(importIndex) ? rows[importIndex] : nil
    }

    var selectedExport: InspectorExportRow? {
        guard let exports = selectedComponent?.exports, exports.indices.contains(exportIndex) else { return nil }
        return InspectorExportRow(exports[exportIndex])
    }

    /// The events `audit` would show (those after `audit clear`), oldest first.
    var auditEvents: [AuditEvent] {
        let clearedThrough = session.auditClearedThrough
        return session.audit.history.filter { $0.sequence > clearedThrough }
    }

    /// The audit events that fit in `rows` lines at the current scroll position, oldest first.
    /// - Parameter events: `auditEvents`, when the caller already has them.
    func visibleAuditEvents(rows: Int, of events: [AuditEvent]? = nil) -> ArraySlice<AuditEvent> {
        let events = events ?? auditEvents
        guard rows > 0 else { return [] }
        let scroll = min(auditScroll, max(0, events.count - rows))
        let end = events.count - scroll
        return events[max(0, end - rows)..<end]
    }

    /// What guests wrote (the newest lines the session keeps), and how many lines in all.
    var guestLines: (lines: ArraySlice<GuestOutputLog.Line>, total: Int) { session.guestLines.lines }

    /// The guest lines that fit in `rows` lines at the output pane's scroll position.
    func visibleGuestLines(rows: Int, of lines: ArraySlice<GuestOutputLog.Line>) -> ArraySlice<GuestOutputLog.Line> {
        guard rows > 0 else { return [] }
        let scroll = min(outputScroll, max(0, lines.count - rows))
        let end = lines.endIndex - scroll
        return lines[max(lines.startIndex, end - rows)..<end]
    }

    /// The audit line as the shell prints it, without colours.
    func auditLine(for event: AuditEvent) -> String {
        auditFormatter.line(for: event)
    }

    // MARK: Keys

    func perform(_ action: InspectorAction) {
        switch action {
        case .move(let lines): move(by: lines)
        case .movePage(let pages): move(by: pages * max(1, visibleRows[focus] ?? 10))
        case .moveToFirst: move(by: Int.min / 2)
        case .moveToLast: move(by: Int.max / 2)
        case .focusNext: focus = focus.next
        case .focusPrevious: focus = focus.previous
        case .toggleGrant: toggleSelectedGrant()
        case .activate: activate()
        case .promptCall: promptForSelectedExport(stepped: false)
        case .promptStep: promptForSelectedExport(stepped: true)
        case .showHelp: overlay = .help
        case .showMessage:
            overlay = .message(stepper.map { $0.log.map(\.line).joined(separator: "\n") } ?? status.message)
        case .refresh, .repaint:
            auditScroll = min(auditScroll, maxAuditScroll)
            outputScroll = min(outputScroll, maxOutputScroll)
        case .reload: reloadSelected()
        case .quit:
            // Leaving with a call paused would leave it hanging: end the call instead.
            if stepper != nil { stepper?.answer("abort") } else { isFinished = true }
        case .dismissOverlay: overlay = nil
        case .stepAnswer(let answer): stepper?.answer(answer)
        case .stepInput(let text): stepper?.input = InspectorLineInput(text)
        case .insert(let character): editInput { $0.insert(character) }
        case .deleteBackward: editInput { $0.deleteBackward() }
        case .deleteForward: editInput { $0.deleteForward() }
        case .cursorLeft: editInput { $0.moveLeft() }
        case .cursorRight: editInput { $0.moveRight() }
        case .cursorToStart: editInput { $0.moveToStart() }
        case .cursorToEnd: editInput { $0.moveToEnd() }
        case .clearInput: editInput { $0.clear() }
        case .submit: if stepper == nil { submitPrompt() } else { submitAnswerLine() }
        case .cancel:
            if stepper != nil {
                stepper?.input = nil
            } else {
                if prompt != nil { status = InspectorStatus(kind: .info, message: "call cancelled") }
                prompt = nil
            }
        }
    }

    /// Edits the line being typed: the answer line at a pause, otherwise the argument prompt.
    private func editInput(_ edit: (inout InspectorLineInput) -> Void) {
        if var input = stepper?.input {
            edit(&input)
            stepper?.input = input
        } else if var input = prompt?.input {
            edit(&input)
            prompt?.input = input
        }
    }

    private var maxAuditScroll: Int { max(0, auditEvents.count - max(1, visibleRows[.audit] ?? 1)) }
    private var maxOutputScroll: Int { max(0, guestLines.lines.count - max(1, visibleRows[.output] ?? 1)) }

    private func move(by lines: Int) {
        func moved(_ index: Int, count: Int) -> Int {
            guard count > 0 else { return 0 }
            let (sum, overflow) = index.addingReportingOverflow(lines)
            return overflow ? (lines < 0 ? 0 : count - 1) : min(max(sum, 0), count - 1)
        }
        switch focus {
        case .components:
            let index = moved(componentIndex, count: components.count)
            if index != componentIndex {
                componentIndex = index
                importIndex = 0
                exportIndex = 0
            }
        case .imports:
            importIndex = moved(importIndex, count: importRows.count)
        case .exports:
            exportIndex = moved(exportIndex, count: selectedComponent?.exports.count ?? 0)
        case .audit:
            auditScroll = scrolled(auditScroll, by: lines, maximum: maxAuditScroll)
        case .output:
            outputScroll = scrolled(outputScroll, by: lines, maximum: maxOutputScroll)
        }
    }

    /// A scroll position (lines back from the newest) moved by `lines`: up (negative) goes back.
    private func scrolled(_ scroll: Int, by lines: Int, maximum: Int) -> Int {
        let (sum, overflow) = scroll.subtractingReportingOverflow(lines)
        return overflow ? (lines > 0 ? 0 : maximum) : min(max(sum, 0), maximum)
    }

    private func activate() {
        switch focus {
        case .components:
            if selectedComponent != nil { focus = .exports }
        case .imports:
            status = InspectorStatus(kind: .info, message: "press g to grant or revoke the selected import")
        case .exports:
            promptForSelectedExport(stepped: false)
        case .audit, .output:
            break
        }
    }

    // MARK: Grants

    /// Grants the selected import whole, as `grant C IFACE` does, when nothing of it is
    /// granted; otherwise revokes every grant of it (for a whole-interface grant that is what
    /// `revoke C IFACE` does). The status says what changed, in the commands' words.
    func toggleSelectedGrant() {
        guard let component = selectedComponent else {
            status = InspectorStatus(kind: .failure, message: "no component selected")
            return
        }
        guard let row = selectedImport else {
            status = InspectorStatus(kind: .failure, message: "\(component.name) imports nothing to grant")
            return
        }
        do {
            let changes: [PolicyChange]
            switch row.state {
            case .notProvided:
                status = InspectorStatus(
                    kind: .failure,
                    message: "\(row.shortName) is not provided by this shell: a grant would change nothing")
                return
            case .typesOnly:
                status = InspectorStatus(
                    kind: .failure, message: "\(row.shortName) holds only types, no functions: nothing to grant")
                return
            case .noGrantNeeded(let reason):
                status = InspectorStatus(kind: .failure, message: "\(row.shortName) needs no grant: \(reason)")
                return
            case .denied:
                changes = try component.sandboxed.policy.grant(row.name, scopes: [], access: .read)
            case .granted:
                let holder = component.sandboxed.policy.catalog.grantHolder(of: row.name)
                changes = try component.sandboxed.policy.revokeAll(holder)
            }
            status = InspectorStatus(kind: .success, message: changes.map(\.description).joined(separator: "; "))
        } catch {
            status = InspectorStatus(kind: .failure, message: ErrorMessage.text(for: error))
        }
    }

    // MARK: Reloading

    /// Gives the selected component a fresh instance with the same policy, as `reload C` does:
    /// the way on after a trap or an aborted call.
    func reloadSelected() {
        guard let component = selectedComponent else {
            status = InspectorStatus(kind: .failure, message: "no component selected")
            return
        }
        do {
            let lines = try ReloadCommand.reload(component, debuggable: nil, in: session)
            status = InspectorStatus(kind: .success, message: lines.joined(separator: "\n"))
        } catch {
            status = InspectorStatus(kind: .failure, message: ErrorMessage.text(for: error))
        }
    }

    // MARK: Calls

    private func promptForSelectedExport(stepped: Bool) {
        guard let component = selectedComponent, let row = selectedExport else {
            status = InspectorStatus(kind: .failure, message: "no export selected to \(stepped ? "step" : "call")")
            return
        }
        prompt = InspectorArgumentPrompt(
            component: component.name, export: row.export,
            input: InspectorLineInput(placeholder: row.placeholderArguments),
            isStepped: stepped)
        status = InspectorStatus(
            kind: .info,
            message: row.placeholderArguments.isEmpty
                ? "no arguments: Enter calls; Esc cancels"
                : "arguments in WAVE (typing replaces the placeholders; an arrow key edits them), then Enter; Esc cancels"
        )
    }

    private func submitPrompt() {
        guard let prompt else { return }
        self.prompt = nil
        pendingCall = InspectorPendingCall(text: prompt.callText, isStepped: prompt.isStepped)
        status = InspectorStatus(
            kind: .running,
            message: "\(prompt.isStepped ? "stepping" : "calling") \(prompt.callText) … (Ctrl-C stops it)")
    }

    /// Runs the call `submit` queued, exactly as `call` (or `step`) would, and shows its result
    /// or error. A stepped call pauses: `nextAction` gives the action of the next key (nil when
    /// there are no more: the call is then aborted) and `redraw` shows the screen while the
    /// guest runs on after an answer.
    func runPendingCall(
        nextAction: @escaping () -> InspectorAction? = { nil }, redraw: @escaping () -> Void = {}
    ) {
        guard let pending = pendingCall else { return }
        pendingCall = nil
        if pending.isStepped {
            step(pending.text, console: InspectorStepConsole(model: self, nextAction: nextAction, redraw: redraw))
        } else {
            call(pending.text)
        }
    }

    /// Runs `call TEXT` (`malicious.skill.run()`) and shows the result or the error.
    func call(_ text: String) {
        // A guest's unfinished line and the summary of its streams belong to this call.
        defer { session.callsEnded() }
        do {
            let outcome = try session.calls.call(text)
            let shown = outcome.resultText(limit: Self.statusResultBytes)
            try session.keep(outcome)
            status = InspectorStatus(kind: .success, message: shown.map { "\(text) → \($0)" } ?? "\(text) returned")
        } catch {
            status = InspectorStatus(kind: .failure, message: "\(text): \(ErrorMessage.text(for: error))")
        }
        auditScroll = 0
        outputScroll = 0
    }

    /// Runs `step TEXT` with the stepper pane as its console and shows the result or the error.
    private func step(_ text: String, console: InspectorStepConsole) {
        // The audit pane is the one left in view: the arrow keys scroll it during pauses.
        let browsed = focus
        focus = .audit
        auditScroll = 0
        defer {
            session.callsEnded()
            stepper = nil
            overlay = nil
            focus = browsed
            auditScroll = 0
            outputScroll = 0
        }
        do {
            let prepared = try session.calls.prepare(text, verb: "step")
            let loaded = prepared.component.sandboxed.component
            stepper = InspectorStepper(
                call: text, isDebuggable: loaded.isDebuggable,
                hasLines: loaded.debugModules.contains { $0.stepping == .lines })
            let outcome = try StepSession(component: prepared.component, session: session, console: console).run(
                prepared)
            let shown =
                outcome.resultText(limit: Self.statusResultBytes).map { "\(text) → \($0)" } ?? "\(text) returned"
            try session.keep(outcome)
            status = InspectorStatus(kind: .success, message: shown + (outcome.noHostCallsNote.map { " " + $0 } ?? ""))
        } catch {
            status = InspectorStatus(kind: .failure, message: "\(text): \(ErrorMessage.text(for: error))")
        }
    }

    // MARK: The stepper pane (driven by InspectorStepConsole)

    func stepperDidPause(_ pause: StepPause) {
        stepper?.show(pause)
        auditScroll = 0
    }

    func stepperNote(_ note: InspectorStepNote) {
        stepper?.note(note)
    }

    func stepperAwaitsAnswer() {
        stepper?.awaitAnswer()
    }

    /// The answer the last key chose, once.
    func takeStepAnswer() -> String? {
        stepper?.takeAnswer()
    }

    private func submitAnswerLine() {
        guard let line = stepper?.input?.string.trimmingWhitespace() else { return }
        stepper?.input = nil
        if !line.isEmpty { stepper?.answer(line) }
    }

    // MARK: Output

    /// Shows what the session wrote while the inspector was open: in the stepper pane during
    /// a stepped call, otherwise under the status (`m` shows it all).
    func absorbOutput() {
        for message in output.take() {
            if stepper != nil {
                let isError = message.kind == .failure
                // A complaint line says "Error:" itself.
                let text =
                    isError && message.message.hasPrefix("Error: ")
                    ? String(message.message.dropFirst(7)) : message.message
                stepper?.note(InspectorStepNote(kind: isError ? .complaint : .reply, text: text))
            } else if status.kind == .info {
                status = message  // guidance gives way to news
            } else {
                status.message += "\n" + message.message
                if message.kind == .failure { status.kind = .failure }
            }
        }
    }
}
