/// One line of the stepper pane's log: an answer given, a reply to it, or why it was refused.
struct InspectorStepNote: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case answer
        case reply
        case complaint
    }

    var kind: Kind
    var text: String

    /// As the line console would show it: `step> allow`, the reply, `Error: ...`.
    var line: String {
        switch kind {
        case .answer: "step> " + text
        case .reply: text
        case .complaint: "Error: " + text
        }
    }
}
