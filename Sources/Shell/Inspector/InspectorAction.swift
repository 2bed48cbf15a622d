/// What a key asks the inspector to do; `InspectorKeys` maps keys to these and
/// `InspectorModel.perform` carries them out.
enum InspectorAction: Equatable, Sendable {
    // Browsing
    /// Moves the selection of the focused pane (the audit pane scrolls) by this many lines.
    case move(Int)
    /// Moves by this many pages of the focused pane.
    case movePage(Int)
    case moveToFirst
    case moveToLast
    case focusNext
    case focusPrevious
    /// Grants the selected import whole, or revokes all its grants.
    case toggleGrant
    /// Enter: on a component, moves to its exports; on an export, prompts for arguments.
    case activate
    /// Prompts for the arguments of the selected export, whichever pane has the focus.
    case promptCall
    /// The same, for a call run under the stepper.
    case promptStep
    case showHelp
    /// Shows the whole status message.
    case showMessage
    /// Redraws (after a timeout, a resize, or `r`): picks up new audit events.
    case refresh
    /// Ctrl-L: a refresh that repaints the whole terminal.
    case repaint
    /// Reloads the selected component, as `reload C` does.
    case reload
    case quit

    // Overlays
    case dismissOverlay

    // A stepped call's pause
    /// Answers the pause with this step answer (`allow`, `into`, `break skill_run`, ...).
    case stepAnswer(String)
    /// Opens the answer line with this text typed (`break `), to finish and send with Enter.
    case stepInput(String)

    // The argument prompt and the answer line
    case insert(Character)
    case deleteBackward
    case deleteForward
    case cursorLeft
    case cursorRight
    case cursorToStart
    case cursorToEnd
    case clearInput
    /// Enter in the prompt: make the call, or send the answer.
    case submit
    case cancel
}
