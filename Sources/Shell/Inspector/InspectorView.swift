import Capabilities
import TerminalUI
import WasmRuntime

/// Draws an `InspectorModel` on a full screen; holds no state of its own.
enum InspectorView {
    static func draw(_ model: InspectorModel, on screen: FullScreen) {
        let (rows, columns) = screen.size
        let layout = InspectorLayout(
            rows: rows, columns: columns, longestName: model.components.map(\.name.count).max() ?? 0)
        model.visibleRows = Dictionary(
            uniqueKeysWithValues: InspectorPane.allCases.map { ($0, layout.region(of: $0).bodyRows) })
        screen.clear()
        defer { screen.refresh() }
        guard !layout.isTooSmall else {
            let notice =
                "The terminal is too small for the inspector (\(columns)x\(rows), needs "
                + "\(InspectorLayout.minimumColumns)x\(InspectorLayout.minimumRows)); q leaves"
            for (row, line) in InspectorText.wrapped(notice, width: max(1, columns)).prefix(max(1, rows)).enumerated() {
                screen.draw(line, row: row, column: 0, role: .bold)
            }
            return
        }
        drawTitle(model, on: screen)
        if let stepper = model.stepper {
            drawStepper(stepper, in: layout.stepper, on: screen)
        } else {
            drawComponents(model, in: layout.components, on: screen)
            for row in layout.components.row..<(layout.components.row + layout.components.height) {
                screen.draw("│", row: row, column: layout.separatorColumn)
            }
            drawImports(model, in: layout.imports, on: screen)
            drawExports(model, in: layout.exports, on: screen)
        }
        drawAudit(model, in: layout.audit, on: screen)
        drawOutput(model, in: layout.output, on: screen)
        for row in layout.output.row..<(layout.output.row + layout.output.height) {
            screen.draw(row == layout.output.row ? "┬" : "│", row: row, column: layout.lowerSeparatorColumn, role: .dim)
        }
        if let prompt = model.prompt {
            drawPrompt(
                prefix: prompt.prefix, input: prompt.input, suffix: prompt.suffix, row: layout.statusRow,
                columns: columns, on: screen)
        } else if let input = model.stepper?.input {
            drawPrompt(prefix: "step> ", input: input, suffix: " ", row: layout.statusRow, columns: columns, on: screen)
        } else {
            screen.draw(model.status.line, row: layout.statusRow, column: 0, role: role(for: model.status.kind))
        }
        screen.draw(InspectorKeys.helpLine(for: model), row: layout.helpRow, column: 0, role: .dim)
        if let overlay = model.overlay {
            switch overlay {
            case .help:
                let lines = model.stepper == nil ? InspectorKeys.helpText : InspectorKeys.pauseHelpText
                drawBox(title: "Keys", lines: lines, layout: layout, on: screen)
            case .message(let text):
                let lines = InspectorText.wrapped(text, width: max(1, layout.columns - 6))
                drawBox(title: "Message", lines: lines, layout: layout, on: screen)
            }
        }
    }

    // MARK: Parts

    private static func drawTitle(_ model: InspectorModel, on screen: FullScreen) {
        var title = "wasmsh inspect"
        if let component = model.selectedComponent {
            title += "  \(component.name)  \(component.path)"
            if let manifest = component.manifestPath { title += "  manifest \(manifest)" }
        }
        screen.draw(title, row: 0, column: 0, role: .bold)
        if let poisoned = model.selectedComponent?.sandboxed.component.poisoned {
            let column = InspectorText.columns(of: title) + 2
            screen.draw(
                InspectorText.sanitized("unusable: \(poisoned); r reloads it"), row: 0, column: column, role: .error)
        }
    }

    private static func drawComponents(_ model: InspectorModel, in region: InspectorRegion, on screen: FullScreen) {
        drawHeader(.components, detail: "", model: model, in: region, on: screen)
        let names = model.components.map(\.name)
        if names.isEmpty {
            draw("(none loaded)", row: region.row + 1, in: region, on: screen, role: .dim)
        }
        drawList(names, selected: model.componentIndex, pane: .components, model: model, in: region, on: screen)
    }

    private static func drawImports(_ model: InspectorModel, in region: InspectorRegion, on screen: FullScreen) {
        drawHeader(.imports, detail: "g grants/revokes", model: model, in: region, on: screen)
        let rows = model.importRows
        if rows.isEmpty, model.selectedComponent != nil {
            draw("(imports nothing)", row: region.row + 1, in: region, on: screen, role: .dim)
        }
        let nameWidth = (rows.map(\.shortName.count).max() ?? 0) + 2
        let window = visibleWindow(count: rows.count, selected: model.importIndex, rows: region.bodyRows)
        for (line, index) in window.enumerated() {
            let row = rows[index]
            let screenRow = region.row + 1 + line
            let name = InspectorText.padded(row.shortName, to: nameWidth)
            drawItem(
                name, isSelected: index == model.importIndex, pane: .imports, model: model, row: screenRow,
                in: region, on: screen)
            var column = region.column + 2 + nameWidth
            let stateRole: Style.Role
            switch row.state {
            case .granted: stateRole = .allowed
            case .denied: stateRole = .denied
            case .notProvided, .typesOnly, .noGrantNeeded: stateRole = .dim
            }
            column = draw(row.state.label, row: screenRow, column: column, in: region, on: screen, role: stateRole)
            if !row.denies.isEmpty {
                let denies = "; denies: " + row.denies.joined(separator: ", ")
                column = draw(denies, row: screenRow, column: column, in: region, on: screen, role: .denied)
            }
            if row.name != row.shortName {
                draw("  " + row.name, row: screenRow, column: column, in: region, on: screen, role: .dim)
            }
        }
    }

    private static func drawExports(_ model: InspectorModel, in region: InspectorRegion, on screen: FullScreen) {
        drawHeader(.exports, detail: "Enter calls", model: model, in: region, on: screen)
        let rows = model.exportRows
        if rows.isEmpty, model.selectedComponent != nil {
            draw("(exports no functions)", row: region.row + 1, in: region, on: screen, role: .dim)
        }
        drawList(rows.map(\.text), selected: model.exportIndex, pane: .exports, model: model, in: region, on: screen)
    }

    private static func drawAudit(_ model: InspectorModel, in region: InspectorRegion, on screen: FullScreen) {
        let events = model.auditEvents
        let visible = model.visibleAuditEvents(rows: region.bodyRows, of: events)
        var detail = "\(events.count) host call" + (events.count == 1 ? "" : "s")
        if let last = visible.last, let newest = events.last, last.sequence != newest.sequence {
            detail += ", scrolled back (End: newest)"
        }
        drawHeader(.audit, detail: detail, model: model, in: region, on: screen)
        if visible.isEmpty {
            draw(" (no host calls yet)", row: region.row + 1, in: region, on: screen, role: .dim)
        }
        for (line, event) in visible.enumerated() {
            draw(
                " " + model.auditLine(for: event), row: region.row + 1 + line, in: region, on: screen,
                role: role(for: event.decision))
        }
    }

    private static func drawOutput(_ model: InspectorModel, in region: InspectorRegion, on screen: FullScreen) {
        let (lines, total) = model.guestLines
        let visible = model.visibleGuestLines(rows: region.bodyRows, of: lines)
        var detail = "\(total) line" + (total == 1 ? "" : "s")
        if total > lines.count { detail += ", the last \(lines.count) kept" }
        if visible.endIndex != lines.endIndex { detail += ", scrolled back" }
        drawHeader(.output, detail: detail, model: model, in: region, on: screen)
        if visible.isEmpty {
            draw(" (guests' stdout and stderr)", row: region.row + 1, in: region, on: screen, role: .dim)
        }
        for (row, line) in visible.enumerated() {
            draw(
                " " + line.shown, row: region.row + 1 + row, in: region, on: screen,
                role: line.isError ? .caution : nil)
        }
    }

    /// The stepper pane: the pause, the policy's verdict, the backtrace, the newest notes.
    private static func drawStepper(_ stepper: InspectorStepper, in region: InspectorRegion, on screen: FullScreen) {
        guard region.height > 0 else { return }
        screen.draw(String(repeating: "─", count: region.width), row: region.row, column: region.column, role: .dim)
        var column = draw(
            " Stepper ", row: region.row, column: region.column + 1, in: region, on: screen, role: .selected)
        column = draw(
            " " + stepper.call + " ", row: region.row, column: column + 1, in: region, on: screen, role: .bold)
        let state = stepper.isPaused ? "paused: answer with a key, ? lists them" : "running (Ctrl-C stops it)"
        draw(" " + state + " ", row: region.row, column: column + 1, in: region, on: screen, role: .dim)
        let lines = stepperLines(stepper, width: max(1, region.width - 1), rows: region.bodyRows)
        for (index, line) in lines.enumerated() {
            draw(" " + line.text, row: region.row + 1 + index, in: region, on: screen, role: line.role)
        }
    }

    /// What the stepper pane shows in `rows` lines of `width` columns: the headline (dim once
    /// the guest runs on), the policy's verdict at a host call, the backtrace (innermost first)
    /// and the newest notes, wrapped; frames give way to notes when both do not fit, but keep
    /// at least half the room.
    static func stepperLines(
        _ stepper: InspectorStepper, width: Int, rows: Int
    ) -> [(text: String, role: Style.Role?)] {
        guard rows > 0 else { return [] }
        guard let pause = stepper.pause else { return [("starting \(stepper.call) …", .dim)] }
        let headlineRole: Style.Role = stepper.isRunning ? .dim : .bold
        var lines: [(text: String, role: Style.Role?)] = InspectorText.wrapped(pause.headline, width: width)
            .prefix(2).map { ($0, headlineRole) }
        if let policy = pause.policySummary {
            lines.append(("policy: " + policy.text, policy.allows ? .allowed : .denied))
        }
        // The code around the pause, while it leaves a row for the newest note.
        let code = pause.listing.prefix(max(0, rows - lines.count - 1))
        lines += code.map { line in
            let text = FullScreen.prefix(of: DisplayTruncation.sanitized(line), fittingIn: max(1, width))
            return (text, line.hasPrefix("=>") ? .bold : nil)
        }
        lines = Array(lines.prefix(rows))
        let room = rows - lines.count
        let frames = pause.backtrace.enumerated().map { "  #\($0.offset) \($0.element)" }
        let frameRows = frames.isEmpty ? 0 : 1 + frames.count
        // Each note takes a line at least, so the newest `room` notes are all that can show.
        let notes = stepper.log.suffix(room).flatMap { note in
            InspectorText.wrapped(note.line, width: width).map { (text: $0, role: role(for: note.kind)) }
        }
        let noteRows = frameRows + notes.count <= room ? notes.count : min(notes.count, max(room - frameRows, room / 2))
        let shownFrameRows = min(frameRows, room - noteRows)
        if shownFrameRows > 0 {
            let fits = shownFrameRows - 1 >= frames.count
            let title =
                fits
                ? "backtrace, innermost first:"
                : "backtrace, innermost first (\(frames.count) frames; ':' then 'bt' lists them):"
            lines.append((title, .dim))
            lines += frames.prefix(shownFrameRows - 1).map { ($0, nil) }
        }
        lines += notes.suffix(noteRows)
        return lines
    }

    /// `call malicious.skill.run(` ARGS `)`, scrolled sideways to keep the cursor in view; the
    /// cursor is the character under it in reverse video (curses' own cursor stays hidden).
    private static func drawPrompt(
        prefix: String, input: InspectorLineInput, suffix: String, row: Int, columns: Int, on screen: FullScreen
    ) {
        let prefix = Array(prefix)
        let text = prefix + input.text + Array(suffix)
        let cursor = prefix.count + input.cursor
        let start = max(0, cursor - max(1, columns - 2))
        let shown = String(text[min(start, text.count)...])
        screen.draw(shown, row: row, column: 0, role: .bold)
        if input.isPlaceholder, start <= prefix.count {
            // Dim: it is what typing replaces.
            let column = InspectorText.columns(of: String(text[start..<prefix.count]))
            screen.draw(String(input.text), row: row, column: column, role: .dim)
        }
        // The cursor is never past the closing parenthesis.
        let column = InspectorText.columns(of: String(text[start..<cursor]))
        screen.draw(String(text[min(cursor, text.count - 1)]), row: row, column: column, role: .selected)
    }

    private static func drawBox(title: String, lines: [String], layout: InspectorLayout, on screen: FullScreen) {
        let widest = lines.map(InspectorText.columns(of:)).max() ?? 0
        let width = min(layout.columns - 2, max(title.count + 6, widest + 4))
        let height = min(layout.rows - 2, lines.count + 2)
        guard width >= 4, height >= 3 else { return }
        let top = max(1, (layout.rows - height) / 2)
        let left = max(0, (layout.columns - width) / 2)
        let inner = width - 2
        let topRule = String(repeating: "─", count: max(0, inner - title.count - 3))
        screen.draw(
            "┌─ " + FullScreen.prefix(of: title, fittingIn: inner - 2) + " " + topRule + "┐", row: top, column: left,
            role: .bold)
        for index in 0..<(height - 2) {
            let isCut = index == height - 3 && lines.count > height - 2
            let text =
                isCut ? "…" : index < lines.count ? FullScreen.prefix(of: lines[index], fittingIn: inner - 2) : ""
            screen.draw("│ " + InspectorText.padded(text, to: inner - 2) + " │", row: top + 1 + index, column: left)
        }
        screen.draw("└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left, role: .bold)
    }

    // MARK: Helpers

    private static func drawHeader(
        _ pane: InspectorPane, detail: String, model: InspectorModel, in region: InspectorRegion, on screen: FullScreen
    ) {
        guard region.height > 0 else { return }
        let focused = model.focus == pane
        let title = " " + pane.title + (focused ? " * " : " ")
        screen.draw(String(repeating: "─", count: region.width), row: region.row, column: region.column, role: .dim)
        let column = draw(
            title, row: region.row, column: region.column + 1, in: region, on: screen, role: focused ? .selected : .bold
        )
        if !detail.isEmpty {
            draw(" " + detail + " ", row: region.row, column: column + 1, in: region, on: screen, role: .dim)
        }
    }

    /// Lines of a pane with the selection marked: `>` always, reverse video when focused.
    private static func drawList(
        _ items: [String], selected: Int, pane: InspectorPane, model: InspectorModel,
        in region: InspectorRegion, on screen: FullScreen
    ) {
        let window = visibleWindow(count: items.count, selected: selected, rows: region.bodyRows)
        for (line, index) in window.enumerated() {
            drawItem(
                items[index], isSelected: index == selected, pane: pane, model: model, row: region.row + 1 + line,
                in: region, on: screen)
        }
    }

    private static func drawItem(
        _ text: String, isSelected: Bool, pane: InspectorPane, model: InspectorModel, row: Int,
        in region: InspectorRegion, on screen: FullScreen
    ) {
        let role: Style.Role? = isSelected ? (model.focus == pane ? .selected : .bold) : nil
        let marker = isSelected ? ">" : " "
        let column = draw(
            marker, row: row, column: region.column, in: region, on: screen, role: isSelected ? .bold : nil)
        draw(" " + text, row: row, column: column, in: region, on: screen, role: role)
    }

    /// The indices shown when `count` lines scroll in `rows` with `selected` in view.
    static func visibleWindow(count: Int, selected: Int, rows: Int) -> Range<Int> {
        guard rows > 0, count > 0 else { return 0..<0 }
        let first = selected < rows ? 0 : min(selected - rows + 1, count - rows)
        return first..<min(count, first + rows)
    }

    /// Draws `text` inside the region's width; returns the column after it.
    @discardableResult
    private static func draw(
        _ text: String, row: Int, column: Int? = nil, in region: InspectorRegion, on screen: FullScreen,
        role: Style.Role? = nil
    ) -> Int {
        let start = column ?? region.column
        let room = region.column + region.width - start
        guard room > 0 else { return start }
        let visible = FullScreen.prefix(of: InspectorText.sanitized(text), fittingIn: room)
        screen.draw(visible, row: row, column: start, role: role)
        return start + InspectorText.columns(of: visible)
    }

    private static func role(for kind: InspectorStatus.Kind) -> Style.Role? {
        switch kind {
        case .info: return nil
        case .success: return .allowed
        case .failure: return .error
        case .running: return .bold
        }
    }

    private static func role(for kind: InspectorStepNote.Kind) -> Style.Role? {
        switch kind {
        case .answer: return .dim
        case .reply: return nil
        case .complaint: return .error
        }
    }

    private static func role(for decision: AuditDecision) -> Style.Role {
        switch (decision.verdict, decision.authority) {
        case (.allowed, .policy): return .allowed
        case (.denied, .policy): return .denied
        default: return .bold
        }
    }
}
