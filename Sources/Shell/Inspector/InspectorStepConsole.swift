/// The stepper pane as the console of a stepped call: pauses, replies and complaints go to the
/// model, which the view draws; answers come from keys. StepSession decides what an answer
/// means, so a key that does not apply at a pause shows StepSession's complaint.
final class InspectorStepConsole: StepConsole {
    private let model: InspectorModel
    /// The action of the next key (after drawing the screen); nil when input has ended.
    private let nextAction: () -> InspectorAction?
    /// Shows the screen as the guest runs on after an answer.
    private let redraw: () -> Void

    init(model: InspectorModel, nextAction: @escaping () -> InspectorAction?, redraw: @escaping () -> Void) {
        self.model = model
        self.nextAction = nextAction
        self.redraw = redraw
    }

    func show(_ pause: StepPause) {
        model.stepperDidPause(pause)
    }

    /// Performs keys until one chooses an answer; browsing keys (scrolling the audit pane,
    /// help) work meanwhile.
    func readAnswer() -> String? {
        model.stepperAwaitsAnswer()
        while let action = nextAction() {
            model.perform(action)
            if let answer = model.takeStepAnswer() {
                redraw()
                return answer
            }
        }
        return nil
    }

    func reply(_ text: String) {
        model.stepperNote(InspectorStepNote(kind: .reply, text: text))
    }

    func complain(_ message: String) {
        model.stepperNote(InspectorStepNote(kind: .complaint, text: message))
    }
}
