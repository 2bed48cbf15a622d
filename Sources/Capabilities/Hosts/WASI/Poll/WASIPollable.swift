/// When a pollable is ready.
enum PollReadiness {
    case ready
    /// At this monotonic time (nanoseconds, `MonotonicClock.now`).
    case deadline(UInt64)
    /// When the descriptor is ready for `events` (`POLLIN`, `POLLOUT`).
    case descriptor(Int32, events: Int16)
    /// Never (a stream that will not change).
    case never
}

/// A `wasi:io/poll.pollable`: asks another object, or a deadline, when it is ready.
final class WASIPollable: HostObject {
    private let readinessSource: () -> PollReadiness
    let origin: String

    init(origin: String, _ readiness: @escaping () -> PollReadiness) {
        self.origin = origin
        self.readinessSource = readiness
    }

    var readiness: PollReadiness { readinessSource() }
}
