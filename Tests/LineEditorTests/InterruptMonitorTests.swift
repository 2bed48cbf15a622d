import Synchronization
import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends real SIGINTs to the test process; the monitor's handler must be installed first or
/// the process would die, so `start()` is checked before any signal is sent.
@Suite("Interrupt monitor", .serialized)
struct InterruptMonitorTests {
    final class Calls: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test("SIGINT while a command runs calls its handler on the monitor thread")
    func handlerCalled() throws {
        let monitor = InterruptMonitor.shared
        try monitor.start()
        let calls = Calls()
        let before = monitor.interruptCount
        let seen = monitor.whileRunning(onInterrupt: { calls.count.add(1, ordering: .relaxed) }) {
            kill(getpid(), SIGINT)
            return Self.waitUntil { calls.count.load(ordering: .relaxed) == 1 }
        }
        #expect(seen)
        #expect(monitor.interruptCount == before + 1)
        #expect(monitor.takePendingInterrupt())
        #expect(!monitor.isInterruptPending)
    }

    @Test("a SIGINT outside whileRunning is only recorded as pending, and never reaches a later command")
    func pendingOutside() throws {
        let monitor = InterruptMonitor.shared
        try monitor.start()
        let calls = Calls()
        kill(getpid(), SIGINT)
        #expect(Self.waitUntil { monitor.isInterruptPending })
        monitor.whileRunning(onInterrupt: { calls.count.add(1, ordering: .relaxed) }) {
            #expect(!monitor.isInterruptPending)
            // Time for the monitor thread to deliver the old signal if it wrongly would.
            usleep(100_000)
        }
        #expect(calls.count.load(ordering: .relaxed) == 0)
    }

    @Test("stop and start again restore and reinstall the handler")
    func restart() throws {
        let monitor = InterruptMonitor.shared
        try monitor.start()
        monitor.stop()
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        #if canImport(Glibc)
            let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        #else
            let handler = unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self)
        #endif
        #expect(handler == unsafeBitCast(SIG_DFL, to: Int.self) || handler == unsafeBitCast(SIG_IGN, to: Int.self))
        try monitor.start()
        let calls = Calls()
        let seen = monitor.whileRunning(onInterrupt: { calls.count.add(1, ordering: .relaxed) }) {
            kill(getpid(), SIGINT)
            return Self.waitUntil { calls.count.load(ordering: .relaxed) == 1 }
        }
        #expect(seen)
    }

    private static func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(1_000)
        }
        return condition()
    }
}
