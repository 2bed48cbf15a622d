import Dispatch
import Synchronization

/// When the running call of one component started, so that the watchdog can stop a call that
/// outlives its time limit, and only that call.
final class CallClock: Sendable {
    private struct State {
        var startedAt: UInt64 = 0
        var running = false
        var timedOut = false
    }
    private let state = Mutex(State())
    let limitNanoseconds: UInt64
    private let stop: @Sendable () -> Void

    init(limitSeconds: Double, stop: @escaping @Sendable () -> Void) {
        limitNanoseconds = UInt64(limitSeconds * 1_000_000_000)
        self.stop = stop
    }

    func start() {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { $0 = State(startedAt: now, running: true, timedOut: false) }
    }

    func finish() {
        state.withLock { $0.running = false }
    }

    /// Whether the last call was stopped by its time limit.
    var timedOut: Bool { state.withLock { $0.timedOut } }

    /// Called by the watchdog: stops the running call if it is over its limit.
    func check(now: UInt64) {
        let expired = state.withLock { state -> Bool in
            // `now` may have been read before this call started: never subtract past zero.
            guard state.running, !state.timedOut, now > state.startedAt, now - state.startedAt > limitNanoseconds else {
                return false
            }
            state.timedOut = true
            return true
        }
        if expired { stop() }
    }
}

/// One background thread that looks at every component's running call ten times a second: a
/// call costs two lock operations, not a timer of its own.
final class CallWatchdog: Sendable {
    static let shared = CallWatchdog()
    private struct Entry: Sendable {
        weak var clock: CallClock?
    }
    private let entries = Mutex<[Entry]>([])
    private let started = Mutex(false)

    func watch(_ clock: CallClock) {
        entries.withLock { entries in
            entries.removeAll { $0.clock == nil }
            entries.append(Entry(clock: clock))
        }
        let needsThread = started.withLock { started -> Bool in
            defer { started = true }
            return !started
        }
        if needsThread {
            // A queue of its own, blocked in the loop for the life of the process.
            DispatchQueue(label: "wasmsh call watchdog").async { [self] in self.run() }
        }
    }

    private func run() {
        while true {
            usleep(100_000)
            let now = DispatchTime.now().uptimeNanoseconds
            let clocks = entries.withLock { $0.compactMap(\.clock) }
            for clock in clocks { clock.check(now: now) }
        }
    }
}
