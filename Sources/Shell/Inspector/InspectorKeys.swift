import TerminalUI

/// Which action a key means, depending on what the inspector shows: the argument prompt and
/// the answer line take typing, an overlay goes away on any key, a stepped call's pause takes
/// answers, otherwise keys browse.
enum InspectorKeys {
    static func action(for key: FullScreenKey, in model: InspectorModel) -> InspectorAction? {
        switch key {
        case .timeout, .resize: return .refresh
        default: break
        }
        if model.prompt != nil || model.stepper?.input != nil { return promptAction(for: key) }
        if model.overlay != nil { return .dismissOverlay }
        if let stepper = model.stepper { return pauseAction(for: key, lines: stepper.hasLines) }
        return browsingAction(for: key)
    }

    static func promptAction(for key: FullScreenKey) -> InspectorAction? {
        switch key {
        case .character(let character): return .insert(character)
        case .backspace: return .deleteBackward
        case .delete: return .deleteForward
        case .left, .control("b"): return .cursorLeft
        case .right, .control("f"): return .cursorRight
        case .home, .control("a"): return .cursorToStart
        case .end, .control("e"): return .cursorToEnd
        case .control("u"): return .clearInput
        case .enter: return .submit
        case .escape, .interrupt, .endOfInput: return .cancel
        default: return nil
        }
    }

    static func browsingAction(for key: FullScreenKey) -> InspectorAction? {
        switch key {
        case .up, .character("k"): return .move(-1)
        case .down, .character("j"): return .move(1)
        case .pageUp: return .movePage(-1)
        case .pageDown, .character(" "): return .movePage(1)
        case .home: return .moveToFirst
        case .end: return .moveToLast
        case .tab, .right: return .focusNext
        case .left: return .focusPrevious
        case .character("g"): return .toggleGrant
        case .enter: return .activate
        case .character("c"): return .promptCall
        case .character("s"): return .promptStep
        case .character("?"), .function(1): return .showHelp
        case .character("m"): return .showMessage
        case .character("r"): return .reload
        case .control("l"): return .repaint
        case .character("q"), .escape, .interrupt, .endOfInput: return .quit
        default: return nil
        }
    }

    /// How a key that leaves the inspector is named when the shell says how it was left.
    static func name(ofLeavingKey key: FullScreenKey) -> String? {
        switch key {
        case .character("q"): return "q"
        case .escape: return "Esc"
        case .interrupt: return "Ctrl-C"
        case .endOfInput: return "Ctrl-D"
        default: return nil
        }
    }

    /// At a stepped call's pause: each answer key sends a step answer word, and StepSession
    /// says when it does not apply here. The audit pane scrolls meanwhile. Where the code has
    /// DWARF `lines`, Enter and Space step by source line; `i` and `s` always by function.
    static func pauseAction(for key: FullScreenKey, lines: Bool = false) -> InspectorAction? {
        switch key {
        case .character("a"): return .stepAnswer("allow")
        case .character("d"): return .stepAnswer("deny")
        case .character("g"): return .stepAnswer("grant")
        case .character("r"): return .stepAnswer("revoke")
        case .enter, .character(" "): return .stepAnswer(lines ? "line" : "into")
        case .character("i"), .character("s"): return .stepAnswer("into")
        case .character("l"): return .stepAnswer("line")
        case .character("t"): return .stepAnswer("stepi")
        case .character("v"): return .stepAnswer("locals")
        case .character("n"): return .stepAnswer("next")
        case .character("f"): return .stepAnswer("finish")
        case .character("c"): return .stepAnswer("continue")
        case .character("b"): return .stepInput("break ")
        case .character(":"): return .stepInput("")
        case .character("x"): return .stepAnswer("abort")
        case .character("q"), .escape, .interrupt, .endOfInput: return .quit
        case .character("?"), .function(1): return .showHelp
        case .character("m"): return .showMessage
        case .up, .character("k"): return .move(-1)
        case .down, .character("j"): return .move(1)
        case .pageUp: return .movePage(-1)
        case .pageDown: return .movePage(1)
        case .home: return .moveToFirst
        case .end: return .moveToLast
        case .control("l"): return .repaint
        default: return nil
        }
    }

    /// The always-visible key line.
    static func helpLine(for model: InspectorModel) -> String {
        if let prompt = model.prompt {
            let verb = prompt.isStepped ? "step" : "call"
            if prompt.input.isPlaceholder {
                return "typing replaces the placeholders  Enter \(verb)  Esc cancel  Left/Right edit them"
            }
            return "type WAVE arguments  Enter \(verb)  Esc cancel  Left/Right move  Ctrl-U clear"
        }
        if model.overlay != nil { return "any key closes" }
        if let stepper = model.stepper {
            if stepper.input != nil { return "type a step answer  Enter send  Esc cancel" }
            guard stepper.isPaused else { return "the call runs  Ctrl-C stops it" }
            // Within 80 columns; `?` lists every key.
            let isHostCall = stepper.pause?.isHostCall == true
            let decisions = isHostCall ? "a allow  d deny  g grant  " + (stepper.isDebuggable ? "" : "r revoke  ") : ""
            let enter = stepper.hasLines ? "Enter line  " : "Enter into  "
            let motions = stepper.isDebuggable ? enter + "n next  " + (isHostCall ? "" : "f finish  b break  ") : ""
            return decisions + motions + "c continue  x abort  ? keys"
        }
        if let component = model.selectedComponent, component.sandboxed.component.poisoned != nil {
            return "\(component.name) is unusable: r reloads it  q quit  ? keys"
        }
        return "q quit  ? keys  Tab pane  g grant  Enter call  s step  r reload  m message"
    }

    /// The `?` box. Its lines fit 80 columns with the box around them (74 each at most).
    static let helpText: [String] = [
        "Up/Down, j/k      select in the focused pane; the audit pane scrolls",
        "PgUp/PgDn, Home/End  move by a page, to the first or last",
        "Tab, Right/Left   next / previous pane",
        "g                 grant the selected import (like 'grant C IFACE'),",
        "                  or revoke all its grants (like 'revoke C IFACE')",
        "Enter, c          call the selected export: type WAVE arguments, Enter",
        "                  calls, Esc cancels; Ctrl-C stops a running call",
        "s                 step the selected export: the call pauses before every",
        "                  host call (and, loaded with --debug, at wasm functions)",
        "m                 show the last result or error in full",
        "r                 reload the selected component: a fresh instance with",
        "                  the same policy, as 'reload C' (after a trap or abort)",
        "Ctrl-L            redraw",
        "q, Esc, Ctrl-C    leave the inspector",
    ]

    /// The `?` box at a stepped call's pause.
    static let pauseHelpText: [String] = [
        "a                 allow this host call once, whatever the policy says",
        "d                 deny this host call once, whatever the policy says",
        "g, r              grant or revoke the interface; the policy then decides",
        "Enter, Space      line where the code has DWARF lines, else into",
        "i, s              into: run to the next function entry, exit or host call",
        "l                 line: run to the next source line, into calls",
        "n                 next: the next line (or function event) here, over calls",
        "f                 finish: run until the current function returns",
        "t                 stepi: run to the next instruction (code without DWARF)",
        "v                 locals: the wasm locals and source variables",
        "b                 break: type FILE:LINE or FUNC, Enter; the call stops",
        "                  (motions, break and locals need 'load C --debug')",
        "c                 continue: pause only at breakpoints; the policy decides",
        ":                 type any step answer: grant PATH --write, revoke PATH,",
        "                  args, bt, list, print VAR, delete TARGET, functions",
        "x, q, Esc         abort the call (q again leaves the inspector)",
        "Up/Down, PgUp/PgDn  scroll the audit pane",
        "m                 show the stepper's log in full",
    ]
}
