/// A call the argument prompt queued for `InspectorModel.runPendingCall`.
struct InspectorPendingCall: Equatable, Sendable {
    /// What `call` or `step` would be given: `malicious.skill.run()`.
    var text: String
    /// Run under the stepper (`s`) rather than plainly (Enter).
    var isStepped: Bool
}
