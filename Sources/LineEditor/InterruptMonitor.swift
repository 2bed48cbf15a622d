import Synchronization

/// Turns SIGINT (Ctrl-C while a command runs) into a callback on an ordinary thread.
///
/// Design:
/// - The SIGINT handler does only async-signal-safe work: it bumps lock-free atomics (a count
///   and a "pending" flag) and writes one byte to a non-blocking pipe (the self-pipe trick).
/// - A dedicated monitor thread blocks reading that pipe and calls the handler registered with
///   `whileRunning(onInterrupt:_:)`, outside any signal context, so the handler may lock,
///   allocate and print.
/// - Why not a thread in `sigwait`: that needs SIGINT blocked in every thread of the process,
///   and threads started before us (the Swift runtime's, Dispatch's, a test runner's) would
///   still take the signal's default action and kill the process. A handler runs whichever
///   thread the kernel picks, so this works however the process was started.
/// - `SA_RESTART`: a read or write interrupted by Ctrl-C resumes instead of failing with EINTR.
/// - While `LineEditor` reads a line, Ctrl-C is a key, not a signal (ISIG is off), so the
///   handler only fires while no line is being read (or on an external `kill -INT`).
/// - Signal handlers are per process, hence one shared monitor.
public final class InterruptMonitor: Sendable {
    public static let shared = InterruptMonitor()

    private struct Running {
        var readEnd: Int32
        var writeEnd: Int32
        var thread: pthread_t
        var previousAction: sigaction
    }

    /// The handler of the command running now, and the signal count when it started: a
    /// SIGINT counted before that belongs to no command and is not passed on.
    private struct Registration {
        var handler: @Sendable () -> Void
        var baseline: Int
    }

    private let running = Mutex<Running?>(nil)
    private let registration = Mutex<Registration?>(nil)

    private init() {}

    /// Installs the SIGINT handler and starts the monitor thread; does nothing if already
    /// started. Call early, from the main thread.
    public func start() throws(InterruptMonitorError) {
        try running.withLock { (running: inout Running?) throws(InterruptMonitorError) in
            guard running == nil else { return }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw Self.failure("pipe") }
            let (readEnd, writeEnd) = (ends[0], ends[1])
            // The handler must never block, and commands we spawn must not inherit the pipe.
            guard fcntl(writeEnd, F_SETFL, O_NONBLOCK) == 0,
                fcntl(readEnd, F_SETFD, FD_CLOEXEC) == 0,
                fcntl(writeEnd, F_SETFD, FD_CLOEXEC) == 0
            else {
                let error = Self.failure("fcntl")
                close(readEnd)
                close(writeEnd)
                throw error
            }
            interruptSignalPipe.store(writeEnd, ordering: .releasing)

            let context = Unmanaged.passRetained(MonitorThreadContext(monitor: self, readEnd: readEnd))
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, monitorThreadMain, context.toOpaque())
            guard created == 0 else {
                context.release()
                interruptSignalPipe.store(-1, ordering: .releasing)
                close(readEnd)
                close(writeEnd)
                throw .systemCallFailed(call: "pthread_create", reason: LineEditorError.message(for: created))
            }

            var action = sigaction(handler: handleInterruptSignal)
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            guard sigaction(SIGINT, &action, &previous) == 0 else {
                let error = Self.failure("sigaction")
                Self.stopThread(thread, writeEnd: writeEnd, readEnd: readEnd)
                throw error
            }
            running = Running(readEnd: readEnd, writeEnd: writeEnd, thread: thread, previousAction: previous)
        }
    }

    /// Puts back the SIGINT disposition found by `start()` and ends the monitor thread.
    public func stop() {
        guard
            let stopped = running.withLock({ (running: inout Running?) -> Running? in
                defer { running = nil }
                return running
            })
        else { return }
        var previous = stopped.previousAction
        sigaction(SIGINT, &previous, nil)
        Self.stopThread(stopped.thread, writeEnd: stopped.writeEnd, readEnd: stopped.readEnd)
    }

    /// Runs `body` with `onInterrupt` called (on the monitor thread) for Ctrl-C arriving
    /// meanwhile. A Ctrl-C from before the call never reaches it, and the pending flag is
    /// cleared on entry. The handler can still run just after `body` returns if the signal came
    /// at its very end: make it idempotent, e.g. setting an atomic flag the command polls.
    /// Calls nest: the outer handler is back in place when the inner call returns.
    public func whileRunning<Result, Failure: Error>(
        onInterrupt: @escaping @Sendable () -> Void,
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        interruptSignalPending.store(false, ordering: .relaxed)
        let baseline = interruptSignalCount.load(ordering: .acquiring)
        let outer = registration.withLock { current in
            let outer = current
            current = Registration(handler: onInterrupt, baseline: baseline)
            return outer
        }
        defer { registration.withLock { $0 = outer } }
        return try body()
    }

    /// Whether a SIGINT arrived since the last `takePendingInterrupt()` or `whileRunning` start.
    public var isInterruptPending: Bool {
        interruptSignalPending.load(ordering: .relaxed)
    }

    /// Returns whether a SIGINT was pending, and clears it.
    public func takePendingInterrupt() -> Bool {
        interruptSignalPending.exchange(false, ordering: .relaxed)
    }

    /// SIGINTs received since the process started.
    public var interruptCount: Int {
        interruptSignalCount.load(ordering: .relaxed)
    }

    fileprivate func monitorLoop(readEnd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            if count == 0 { return }
            let bytes = buffer[0..<count]
            // Several Ctrl-C in one read are one interruption: the command stops once.
            if bytes.contains(interruptByte), let current = registration.withLock({ $0 }),
                interruptSignalCount.load(ordering: .acquiring) > current.baseline
            {
                current.handler()
            }
            if bytes.contains(stopByte) { return }
        }
    }

    private static func stopThread(_ thread: pthread_t, writeEnd: Int32, readEnd: Int32) {
        interruptSignalPipe.store(-1, ordering: .releasing)
        var byte = stopByte
        _ = write(writeEnd, &byte, 1)
        pthread_join(thread, nil)
        close(writeEnd)
        close(readEnd)
    }

    private static func failure(_ call: String) -> InterruptMonitorError {
        .systemCallFailed(call: call, reason: LineEditorError.message(for: errno))
    }
}

private let interruptByte: UInt8 = 1
private let stopByte: UInt8 = 0

// State the signal handler touches: lock-free atomics only.
private let interruptSignalCount = Atomic<Int>(0)
private let interruptSignalPending = Atomic<Bool>(false)
private let interruptSignalPipe = Atomic<Int32>(-1)

private func handleInterruptSignal(_ signal: Int32) {
    let savedErrno = errno
    // Counted before the pipe write, so the monitor thread sees the count of this signal.
    interruptSignalCount.wrappingAdd(1, ordering: .releasing)
    interruptSignalPending.store(true, ordering: .relaxed)
    let pipe = interruptSignalPipe.load(ordering: .acquiring)
    if pipe >= 0 {
        var byte = interruptByte
        _ = write(pipe, &byte, 1)
    }
    errno = savedErrno
}

private final class MonitorThreadContext {
    let monitor: InterruptMonitor
    let readEnd: Int32

    init(monitor: InterruptMonitor, readEnd: Int32) {
        self.monitor = monitor
        self.readEnd = readEnd
    }
}

private func monitorThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    let box = Unmanaged<MonitorThreadContext>.fromOpaque(context).takeRetainedValue()
    box.monitor.monitorLoop(readEnd: box.readEnd)
    return nil
}
