/// Where a stepped call's pauses are shown and answered: the command line (`LineStepConsole`)
/// or the inspector's stepper pane.
protocol StepConsole: AnyObject {
    /// Shows a new pause.
    func show(_ pause: StepPause)
    /// The next answer at the pause shown last, or nil when there is none (the call is then aborted).
    func readAnswer() -> String?
    /// Shows the reply to an answer (`bt`, `args`, a grant made).
    func reply(_ text: String)
    /// Shows why an answer was refused.
    func complain(_ message: String)
}
