#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Points standard output at /dev/null and keeps a duplicate of the real one to draw on.
///
/// While the inspector is open, whatever the shell prints the ordinary way (the audit line per
/// host call, written straight to descriptor 1) would land in the middle of the curses screen;
/// the audit pane shows those events instead. `restore` puts the real standard output back.
final class StandardOutputDiversion {
    /// A duplicate of the original standard output: the terminal to draw on.
    let terminalDescriptor: Int32
    private var isRestored = false

    init() throws(ShellError) {
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        guard saved >= 0 else { throw ShellError("inspect: cannot duplicate standard output: \(Self.reason())") }
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard null >= 0 else {
            let reason = Self.reason()
            close(saved)
            throw ShellError("inspect: cannot open /dev/null: \(reason)")
        }
        defer { close(null) }
        guard dup2(null, STDOUT_FILENO) >= 0 else {
            let reason = Self.reason()
            close(saved)
            throw ShellError("inspect: cannot divert standard output: \(reason)")
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        terminalDescriptor = saved
    }

    /// Puts the original standard output back; safe to call twice.
    func restore() {
        guard !isRestored else { return }
        isRestored = true
        fflush(nil)  // what stdio buffered meanwhile belongs to the diverted stream
        while dup2(terminalDescriptor, STDOUT_FILENO) < 0 && errno == EINTR {}
        close(terminalDescriptor)
    }

    deinit { restore() }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
