import Synchronization

/// The session's output, whose destination can change for a while: the full-screen inspector
/// takes the messages and drops the audit lines and the guests' output lines (its audit and
/// output panes show those) for as long as it is open, so that nothing writes to the terminal
/// behind ncurses.
final class SessionOutput: ShellOutput {
    private struct Route {
        var target: any ShellOutput
        var showsAuditLines: Bool
    }

    private let route: Mutex<Route>

    init(_ target: any ShellOutput) {
        route = Mutex(Route(target: target, showsAuditLines: true))
    }

    // The target is taken under the lock and written to outside it: a slow terminal must not
    // hold up a redirection.
    func write(_ text: String) { route.withLock { $0.target }.write(text) }
    func writeError(_ text: String) { route.withLock { $0.target }.writeError(text) }
    func write(bytes: [UInt8], toError: Bool) { route.withLock { $0.target }.write(bytes: bytes, toError: toError) }
    func flush() { route.withLock { $0.target }.flush() }

    /// Writes an audit line unless the current destination shows audit events its own way.
    func writeAuditLine(_ line: String) {
        let route = route.withLock { $0 }
        if route.showsAuditLines { route.target.write(line) }
    }

    /// Writes a guest's output line (with `write`) unless the current destination shows guest
    /// output its own way: the same destinations as audit lines.
    func writeGuestLine(_ write: (any ShellOutput) -> Void) {
        let route = route.withLock { $0 }
        if route.showsAuditLines { write(route.target) }
    }

    /// Sends everything to `target` while `body` runs (audit and guest output lines only if
    /// `showingAuditLines`),
    /// then back to where it went before, however `body` ends.
    func redirecting<Result>(
        to target: any ShellOutput, showingAuditLines: Bool, _ body: () throws -> Result
    ) rethrows -> Result {
        let previous = route.withLock {
            let previous = $0
            $0 = Route(target: target, showsAuditLines: showingAuditLines)
            return previous
        }
        defer { route.withLock { $0 = previous } }
        return try body()
    }
}
