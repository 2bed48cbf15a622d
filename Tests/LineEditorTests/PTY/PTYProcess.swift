import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program running on a pseudo-terminal, driven like a user at a keyboard: for tests of
/// interactive behaviour (prompts, line editing, Ctrl-C, full-screen views).
///
/// Every wait has a deadline; a failed wait throws `PTYProcessError` carrying the output seen
/// so far. `deinit` kills the child if it is still running, so a failing test never leaves it
/// behind. Output is matched in two forms: `text` (escape sequences and carriage returns
/// removed, for "did this line appear") and the raw bytes (for "were colours sent").
/// Each `waitFor` searches only after the end of the previous match, so a second prompt is
/// not confused with the first.
public final class PTYProcess {
    public let processID: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var textSearchStart = 0
    private var rawSearchStart = 0
    private var outputClosed = false
    private var status: Int32?

    /// forkpty copies the parent's descriptors into the child: spawning one child at a time
    /// keeps each child from inheriting another test's terminal.
    private static let spawnLock = Mutex<Void>(())

    /// Starts `executable` with exactly `arguments` and `environment` on a new terminal of the
    /// given size, as the session leader with the terminal as its controlling terminal.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        columns: Int = 80,
        rows: Int = 24
    ) throws(PTYProcessError) {
        guard access(executable, X_OK) == 0 else {
            throw .spawnFailed("\(executable) is not an executable file")
        }
        // Everything the child needs is built before fork: between fork and exec only
        // async-signal-safe calls are allowed, so no Swift allocation happens there.
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" }.sorted())
        defer {
            argv.deallocate()
            envp.deallocate()
        }
        var size = winsize(
            ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        var defaultAction = sigaction()
        #if canImport(Glibc)
            defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        #else
            defaultAction.__sigaction_u.__sa_handler = SIG_DFL
        #endif
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)

        let (pid, master) = Self.spawnLock.withLock { _ -> (pid_t, Int32) in
            var master: Int32 = -1
            let pid = forkpty(&master, nil, nil, &size)
            if pid == 0 {
                // The child: undo signal state the test runner may have set, then exec. Only
                // async-signal-safe calls here: an array literal or a generic loop enters the
                // Swift runtime, whose locks another thread may have held at fork (seen: a hang
                // in swift_getWitnessTable).
                sigaction(SIGINT, &defaultAction, nil)
                sigaction(SIGQUIT, &defaultAction, nil)
                sigaction(SIGPIPE, &defaultAction, nil)
                sigaction(SIGTSTP, &defaultAction, nil)
                sigaction(SIGTERM, &defaultAction, nil)
                sigaction(SIGWINCH, &defaultAction, nil)
                sigprocmask(SIG_SETMASK, &emptyMask, nil)
                if let path = argv.pointers[0] { execve(path, argv.pointers, envp.pointers) }
                _exit(127)
            }
            if pid > 0 { _ = fcntl(master, F_SETFD, FD_CLOEXEC) }
            return (pid, master)
        }
        guard pid > 0 else {
            throw .spawnFailed("forkpty failed: \(String(cString: strerror(errno)))")
        }
        self.processID = pid
        self.master = master
    }

    deinit {
        terminate()
        close(master)
    }

    /// Everything the program wrote so far, as text (invalid UTF-8 repaired).
    public var transcript: String { String(decoding: output, as: UTF8.self) }

    /// The transcript without escape sequences and carriage returns.
    public var text: String { String(decoding: Self.strippingEscapes(output), as: UTF8.self) }

    /// Types `keys` (send "\r" for Enter, "\u{3}" for Ctrl-C, "\u{1B}[A" for Up).
    public func send(_ keys: String) throws(PTYProcessError) {
        var bytes = Array(keys.utf8)  // var: write takes a mutable buffer here
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(master, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .writeFailed(String(cString: strerror(errno)), transcript: transcript)
            }
            offset += written
        }
    }

    /// Waits until `pattern` appears in `text` after the previous match; returns the text
    /// from the previous match to the end of this one.
    @discardableResult
    public func waitFor(_ pattern: String, timeout: Duration = .seconds(5)) throws(PTYProcessError) -> String {
        let needle = Array(pattern.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            let stripped = Self.strippingEscapes(output)
            if let range = Self.find(needle, in: stripped, from: textSearchStart) {
                let chunk = String(decoding: stripped[textSearchStart..<range.upperBound], as: UTF8.self)
                textSearchStart = range.upperBound
                return chunk
            }
            try readMore(until: deadline, waitingFor: pattern)
        }
    }

    /// Waits until the exact bytes of `pattern` (escape sequences included) appear after the
    /// previous raw match; returns the raw output from the previous raw match to this one.
    @discardableResult
    public func waitForRaw(_ pattern: String, timeout: Duration = .seconds(5)) throws(PTYProcessError) -> String {
        let needle = Array(pattern.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = Self.find(needle, in: output, from: rawSearchStart) {
                let chunk = String(decoding: output[rawSearchStart..<range.upperBound], as: UTF8.self)
                rawSearchStart = range.upperBound
                return chunk
            }
            try readMore(until: deadline, waitingFor: pattern)
        }
    }

    /// Whether the terminal is in canonical (cooked, line-by-line) mode right now.
    public var isCanonical: Bool {
        var settings = termios()
        guard tcgetattr(master, &settings) == 0 else { return true }
        return settings.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Waits until the program has switched the terminal out of canonical mode, as a line
    /// editor or full-screen view does before it reads keys; typing earlier would be echoed
    /// and buffered by the terminal driver instead.
    public func waitForNonCanonicalMode(timeout: Duration = .seconds(5)) throws(PTYProcessError) {
        let deadline = ContinuousClock.now + timeout
        while isCanonical {
            guard ContinuousClock.now < deadline else {
                throw .timedOut(waitingFor: "non-canonical terminal mode", transcript: transcript)
            }
            drainAvailableOutput()
            usleep(5_000)
        }
    }

    /// Changes the terminal size; the program gets SIGWINCH.
    public func resize(columns: Int, rows: Int) throws(PTYProcessError) {
        var size = winsize(
            ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw .writeFailed("TIOCSWINSZ: \(String(cString: strerror(errno)))", transcript: transcript)
        }
    }

    /// Sends a signal to the program's process group (as the terminal would).
    public func signal(_ signal: Int32) {
        kill(-processID, signal)
    }

    /// Waits for the program to exit; returns its exit status, or 128 + the signal number if a
    /// signal ended it. Keeps reading its output meanwhile.
    public func waitForExit(timeout: Duration = .seconds(5)) throws(PTYProcessError) -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = reap(blocking: false) { return Self.exitCode(status) }
            guard ContinuousClock.now < deadline else {
                throw .timedOut(waitingFor: "process exit", transcript: transcript)
            }
            drainAvailableOutput()
            usleep(5_000)
        }
    }

    /// Kills the program (SIGKILL) unless it already exited, and reaps it.
    public func terminate() {
        guard status == nil else { return }
        if reap(blocking: false) != nil { return }
        kill(processID, SIGKILL)
        _ = reap(blocking: true)
    }

    /// Finds an executable of this package's build (the test binary sits in the same build
    /// directory), e.g. `try PTYProcess.builtProduct(named: "wasmsh")`.
    public static func builtProduct(named name: String) throws(PTYProcessError) -> String {
        var starts: [String] = []
        if let resolved = realpath("/proc/self/exe", nil) {
            starts.append(String(cString: resolved))
            free(resolved)
        }
        starts.append(contentsOf: CommandLine.arguments.prefix(1))
        starts.append(contentsOf: CommandLine.arguments.filter { $0.hasSuffix(".xctest") })
        for start in starts {
            var directory = start
            for _ in 0..<5 {
                guard let slash = directory.lastIndex(of: "/") else { break }
                directory = String(directory[..<slash])
                let candidate = directory + "/" + name
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        throw .spawnFailed("no built executable '\(name)' near \(starts); build the package first")
    }

    // MARK: Reading

    private func readMore(until deadline: ContinuousClock.Instant, waitingFor pattern: String) throws(PTYProcessError) {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else {
            throw .timedOut(waitingFor: pattern, transcript: transcript)
        }
        guard !outputClosed else {
            throw .outputEnded(waitingFor: pattern, transcript: transcript)
        }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, min(milliseconds, 100))
        if ready > 0 { readAvailable() }
    }

    private func drainAvailableOutput() {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while !outputClosed, poll(&descriptor, 1, 0) > 0 {
            readAvailable()
        }
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            output.append(contentsOf: buffer[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            // EIO: every descriptor of the terminal's other side is closed (the program ended).
            outputClosed = true
        }
    }

    private func reap(blocking: Bool) -> Int32? {
        if let status { return status }
        var value: Int32 = 0
        while true {
            let result = waitpid(processID, &value, blocking ? 0 : WNOHANG)
            if result == processID {
                status = value
                return value
            }
            if result < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return start..<start }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index..<(index + needle.count)
        }
        return nil
    }

    /// Drops CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL` or `ESC \`), other `ESC x`
    /// sequences, the invisible-prompt markers (0x01) and carriage returns. An incomplete
    /// sequence at the end is dropped too, so the result only grows as output arrives.
    static func strippingEscapes(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x01 {
                index += 1
                continue
            }
            guard byte == 0x1B else {
                result.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "["):
                index += 1
                while index < bytes.count, (0x20...0x3F).contains(bytes[index]) { index += 1 }
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                while index < bytes.count, bytes[index] != 0x07,
                    !(bytes[index] == 0x1B && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\\"))
                {
                    index += 1
                }
                index += bytes.indices.contains(index) && bytes[index] == 0x1B ? 2 : 1
            default:
                while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
                index += 1
            }
        }
        return result
    }
}

/// A NULL-terminated `char *[]` for execve, allocated before fork.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            (pointers + index).initialize(to: strdup(string))
        }
        (pointers + strings.count).initialize(to: nil)
    }

    func deallocate() {
        for index in 0..<count {
            free(pointers[index])
        }
        pointers.deallocate()
    }
}
