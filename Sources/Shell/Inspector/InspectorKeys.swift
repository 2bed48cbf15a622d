import TerminalUI

/// Which action a key means, depending on what the inspector shows: the argument prompt takes
/// typing, an overlay goes away on any key, otherwise keys browse.
enum InspectorKeys {
    static func action(for key: FullScreenKey, in model: InspectorModel) -> InspectorAction? {
        switch key {
        case .timeout, .resize: return .refresh
        default: break
        }
        if model.prompt != nil { return promptAction(for: key) }
        if model.overlay != nil { return .dismissOverlay }
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
        case .character("?"), .function(1): return .showHelp
        case .character("m"): return .showMessage
        case .character("r"), .control("l"): return .refresh
        case .character("q"), .escape, .interrupt, .endOfInput: return .quit
        default: return nil
        }
    }

    /// The always-visible key line.
    static func helpLine(for model: InspectorModel) -> String {
        if model.prompt != nil {
            return "type WAVE arguments  Enter call  Esc cancel  Left/Right move  Ctrl-U clear"
        }
        if model.overlay != nil { return "any key closes" }
        return "q quit  ? help  Tab pane  Up/Down select  g grant/revoke  Enter call  m message"
    }

    /// The `?` box.
    static let helpText: [String] = [
        "Up/Down, j/k      select in the focused pane; the audit pane scrolls",
        "PgUp/PgDn, Home/End  move by a page, to the first or last",
        "Tab, Right/Left   next / previous pane",
        "g                 grant the selected import (like 'grant C IFACE'),",
        "                  or revoke all its grants (like 'revoke C IFACE')",
        "Enter, c          call the selected export: type WAVE arguments, Enter",
        "                  calls, Esc cancels; Ctrl-C stops a running call",
        "m                 show the last result or error in full",
        "r                 redraw",
        "q, Esc            leave the inspector",
    ]
}
