/// The stepper pane while a stepped call runs: the pause shown, what was answered, replied and
/// refused so far, and a line being typed as an answer (`break FUNC`, or anything after `:`).
struct InspectorStepper {
    /// Lines of the log kept; the pane shows the newest and `m` all of them.
    static let logLimit = 500

    /// `malicious.skill.run()`
    let call: String
    /// Whether the component was loaded with --debug, so function answers (into, next, finish,
    /// break) apply; only the key help uses it, StepSession decides.
    let isDebuggable: Bool
    /// Whether some of its code has DWARF lines: then Enter steps by line (`line`), `i` by function.
    let hasLines: Bool
    /// The pause shown last; nil before the first.
    private(set) var pause: StepPause?
    /// True while the guest runs: from the start and from an answer to the next pause.
    private(set) var isRunning = true
    private(set) var log: [InspectorStepNote] = []
    /// The answer line being typed, if any.
    var input: InspectorLineInput?
    /// The answer the last key chose, until the console takes it.
    private(set) var answer: String?

    init(call: String, isDebuggable: Bool, hasLines: Bool = false) {
        self.call = call
        self.isDebuggable = isDebuggable
        self.hasLines = hasLines
    }

    /// Waiting for an answer at `pause`.
    var isPaused: Bool { pause != nil && !isRunning }

    mutating func show(_ pause: StepPause) {
        self.pause = pause
        isRunning = false
    }

    /// Chooses an answer for the console to take; it is logged as typed.
    mutating func answer(_ text: String) {
        answer = text
        note(InspectorStepNote(kind: .answer, text: text))
    }

    /// The chosen answer, once: the guest runs on unless StepSession refuses it.
    mutating func takeAnswer() -> String? {
        guard let answer else { return nil }
        self.answer = nil
        isRunning = true
        return answer
    }

    /// Waiting again at the same pause (after a refused answer or a reply).
    mutating func awaitAnswer() {
        isRunning = false
    }

    mutating func note(_ note: InspectorStepNote) {
        // Replies may have many lines (`functions`, `help`): one log line each.
        for line in note.text.split(separator: "\n", omittingEmptySubsequences: false) {
            log.append(InspectorStepNote(kind: note.kind, text: String(line)))
        }
        if log.count > Self.logLimit { log.removeFirst(log.count - Self.logLimit) }
    }
}
