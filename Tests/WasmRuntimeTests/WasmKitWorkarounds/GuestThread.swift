import Foundation
import WasmKit

/// Runs a guest call on its own thread and records when it started and ended and how, so a
/// test can interrupt it from the test's thread and wait for it with a deadline.
final class GuestThread: @unchecked Sendable {
    private let lock = NSLock()
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var startedAt: ContinuousClock.Instant?
    private var endedAt: ContinuousClock.Instant?
    private var outcome: Result<[Value], any Error>?

    /// `body` runs on a new thread; WasmKit's values are not Sendable, hence the unchecked box.
    init(_ body: @escaping () throws -> [Value]) {
        let box = UncheckedBox(body)
        let thread = Thread { [self] in
            lock.withLock { startedAt = .now }
            started.signal()
            let result = Result { try box.value() }
            lock.withLock {
                endedAt = .now
                outcome = result
            }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits up to `timeout` for the thread to start the call; false if it has not.
    func waitUntilStarted(timeout: Duration) -> Bool {
        started.wait(timeout: .now() + Self.seconds(timeout)) == .success
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Waits up to `timeout` for the call to end; nil if it is still running.
    func wait(timeout: Duration) -> (
        outcome: Result<[Value], any Error>, started: ContinuousClock.Instant, ended: ContinuousClock.Instant
    )? {
        guard finished.wait(timeout: .now() + Self.seconds(timeout)) == .success else { return nil }
        return lock.withLock {
            guard let outcome, let startedAt, let endedAt else { return nil }
            return (outcome, startedAt, endedAt)
        }
    }
}

struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
