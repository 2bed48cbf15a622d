import WasmRuntime

/// Waits for pollables, never longer than `slice` at a time, so that Ctrl-C and the call's time
/// limit stop a guest blocked in `poll`, `block` or a sleep within that time.
enum PollWaiter {
    /// How long one wait lasts before the interruption is looked at again.
    static let slice: UInt64 = 50_000_000

    /// The guest's call was stopped while it waited.
    struct Stopped: Error, CustomStringConvertible {
        var description: String { "the call was stopped while it waited" }
    }

    /// The indices of the pollables that are ready, waiting until at least one is.
    static func wait(for pollables: [WASIPollable], interruption: CallInterruption?) throws -> [Int] {
        while true {
            if interruption?.isRequested == true { throw Stopped() }
            let now = MonotonicClock.now()
            var ready: [Int] = []
            var descriptors: [pollfd] = []
            var owners: [Int] = []
            var nearest = now + slice
            for (index, pollable) in pollables.enumerated() {
                switch pollable.readiness {
                case .ready: ready.append(index)
                case .deadline(let deadline):
                    if deadline <= now { ready.append(index) } else { nearest = min(nearest, deadline) }
                case .descriptor(let descriptor, let events):
                    descriptors.append(pollfd(fd: descriptor, events: events, revents: 0))
                    owners.append(index)
                case .never: break
                }
            }
            if !ready.isEmpty { return ready }
            let timeout = Int32(clamping: (nearest - min(nearest, now) + 999_999) / 1_000_000)
            let count = descriptors.withUnsafeMutableBufferPointer { buffer in
                poll(buffer.baseAddress, nfds_t(buffer.count), max(timeout, 0))
            }
            if count > 0 {
                let readyNow = descriptors.indices.filter { descriptors[$0].revents != 0 }.map { owners[$0] }
                if !readyNow.isEmpty { return readyNow.sorted() }
            }
        }
    }
}

extension PollWaiter {
    /// Whether a pollable is ready now, without waiting.
    static func isReadyNow(_ pollable: WASIPollable) throws -> Bool {
        switch pollable.readiness {
        case .ready: return true
        case .deadline(let deadline): return deadline <= MonotonicClock.now()
        case .never: return false
        case .descriptor(let descriptor, let events):
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            return poll(&entry, 1, 0) > 0 && entry.revents != 0
        }
    }
}

/// The monotonic clock WASI guests see, in nanoseconds.
enum MonotonicClock {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
