import TerminalUI

/// Runs the full-screen inspector until the user leaves it.
enum Inspector {
    /// How often the audit pane is refreshed while no key is pressed.
    static let refreshInterval = Duration.milliseconds(500)

    /// Opens the view on `session` (on component `name`, if given). The terminal is restored
    /// however the view ends; a terminal that cannot show it is a `ShellError`.
    static func run(session: Session, selecting name: String?) throws {
        let model = try InspectorModel(session: session, selecting: name)
        let diversion = try StandardOutputDiversion()
        defer { diversion.restore() }
        do {
            try FullScreen.run(outputDescriptor: diversion.terminalDescriptor) { screen in
                loop(model, on: screen)
            }
        } catch let error as FullScreenError {
            throw ShellError("inspect needs a terminal: \(error)")
        }
    }

    private static func loop(_ model: InspectorModel, on screen: FullScreen) {
        InspectorView.draw(model, on: screen)
        while !model.isFinished {
            let key = screen.readKey(timeout: refreshInterval)
            guard let action = InspectorKeys.action(for: key, in: model) else { continue }
            model.perform(action)
            if model.pendingCall != nil {
                InspectorView.draw(model, on: screen)  // shows "calling …" while the guest runs
                screen.allowingInterruptSignal { model.runPendingCall() }
            }
            InspectorView.draw(model, on: screen)
        }
    }
}
