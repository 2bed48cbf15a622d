import TerminalUI

/// Runs the full-screen inspector until the user leaves it.
enum Inspector {
    /// How often the audit pane is refreshed while no key is pressed.
    static let refreshInterval = Duration.milliseconds(500)

    /// Opens the view on `session` (on component `name`, if given). The terminal is restored
    /// however the view ends; a terminal that cannot show it is a `ShellError`.
    ///
    /// Meanwhile the session writes to the model instead of the terminal (messages reach the
    /// status line or the stepper pane, audit lines are dropped: the audit pane shows those
    /// events), so nothing scribbles behind the screen; the output is back on every way out.
    /// Returns the name of the key that left it (`q`, `Esc`, `Ctrl-C`, `Ctrl-D`).
    static func run(session: Session, selecting name: String?) throws -> String {
        let model = try InspectorModel(session: session, selecting: name)
        return try session.output.redirecting(to: model.output, showingAuditLines: false) {
            do {
                return try FullScreen.run { screen in loop(model, on: screen) }
            } catch let error as FullScreenError {
                throw ShellError("inspect needs a terminal: \(error)")
            }
        }
    }

    private static func loop(_ model: InspectorModel, on screen: FullScreen) -> String {
        draw(model, on: screen)
        var leavingKey = "q"
        while !model.isFinished {
            let key = screen.readKey(timeout: refreshInterval)
            guard let action = InspectorKeys.action(for: key, in: model) else { continue }
            if action == .quit, let name = InspectorKeys.name(ofLeavingKey: key) { leavingKey = name }
            if action == .repaint { screen.repaintAll() }
            model.perform(action)
            if model.pendingCall != nil {
                draw(model, on: screen)  // shows "calling …" while the guest runs
                screen.allowingInterruptSignal {
                    model.runPendingCall(
                        nextAction: { screen.takingInterruptAsKey { nextAction(model, on: screen) } },
                        redraw: { draw(model, on: screen) })
                }
            }
            draw(model, on: screen)
        }
        return leavingKey
    }

    /// At a stepped call's pause: draws, then waits for a key that means something (a timeout
    /// or a resize means a redraw). Ctrl-C is a key here, the guest being paused.
    private static func nextAction(_ model: InspectorModel, on screen: FullScreen) -> InspectorAction {
        while true {
            draw(model, on: screen)
            let key = screen.readKey(timeout: refreshInterval)
            if let action = InspectorKeys.action(for: key, in: model) {
                if action == .repaint { screen.repaintAll() }
                return action
            }
        }
    }

    private static func draw(_ model: InspectorModel, on screen: FullScreen) {
        model.absorbOutput()
        InspectorView.draw(model, on: screen)
    }
}
