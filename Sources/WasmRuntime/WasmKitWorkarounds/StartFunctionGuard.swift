import Synchronization
import WasmKit

/// Runs the start functions of a component's core modules while it loads, where Ctrl-C and the
/// per-call time limit can stop them. The instrumenter moves each start function out of its
/// module's start section (which WasmKit would run inside `instantiate`, before the instance's
/// interrupt flag can be reached) into an export the backend calls right after instantiating,
/// so the order of start functions is the one the component defines.
final class StartFunctionGuard: Sendable {
    /// The flag of the instance whose start function runs, if one does.
    private final class RunningFlag: Sendable {
        let flag = Mutex<InterruptFlag?>(nil)

        func request() { flag.withLock { $0 }?.request() }
    }

    private let running = RunningFlag()
    private let clock: CallClock?

    init(limitSeconds: Double?) {
        clock = limitSeconds.map { [running] in CallClock(limitSeconds: $0) { running.request() } }
        if let clock { CallWatchdog.shared.watch(clock) }
    }

    /// Stops the running start function, if any (Ctrl-C); safe from any thread.
    var interrupter: @Sendable () -> Void {
        { [running] in running.request() }
    }

    /// Runs `start` of `instance`. A start function stopped by Ctrl-C or the time limit throws a
    /// `LoadError` saying so; its traps are thrown as they are.
    func run(_ start: Function, of instance: Instance) throws {
        guard let flag = try? InterruptFlag(instance: instance) else {
            throw LoadError("a start function cannot be run: its module has no interrupt flag")
        }
        running.flag.withLock { $0 = flag }
        clock?.start()
        defer {
            clock?.finish()
            running.flag.withLock { $0 = nil }
        }
        do {
            _ = try start.invoke()
        } catch  where flag.isInterruption(error) {
            let seconds = clock.map { LoadedComponent.seconds(Double($0.limitNanoseconds) / 1e9) } ?? ""
            throw LoadError(
                clock?.timedOut == true
                    ? "a start function ran longer than its \(seconds) time limit; the load was stopped"
                    : "a start function was stopped (Ctrl-C); the load was stopped")
        }
    }
}
