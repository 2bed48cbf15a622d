import Synchronization

/// The session's output while the inspector is open: messages are kept for the status line or
/// the stepper pane instead of being written behind the screen.
final class InspectorOutput: ShellOutput {
    private let messages = Mutex<[InspectorStatus]>([])

    func write(_ text: String) { keep(text, as: .info) }
    func writeError(_ text: String) { keep(text, as: .failure) }

    /// The messages written since the last call, oldest first.
    func take() -> [InspectorStatus] {
        messages.withLock { kept in
            defer { kept.removeAll() }
            return kept
        }
    }

    private func keep(_ text: String, as kind: InspectorStatus.Kind) {
        // Messages were styled for a line terminal; curses draws its own attributes.
        var plain = Substring(InspectorText.withoutEscapes(text))
        while plain.last?.isNewline == true { plain.removeLast() }
        guard !plain.isEmpty else { return }
        let message = InspectorStatus(kind: kind, message: String(plain))
        messages.withLock { $0.append(message) }
    }
}
