import Synchronization

/// Whether the running call should stop, as host code sees it: the interrupt flag's twin for the
/// work the host does inside a call (lifting a large value, a blocking read, a sleep), where no
/// guest instruction checks the flag. Set from any thread (Ctrl-C, the time limit) together
/// with the guest's flag.
public final class CallInterruption: Sendable {
    private let requested = Atomic(false)

    init() {}

    func request() { requested.store(true, ordering: .relaxed) }
    func reset() { requested.store(false, ordering: .relaxed) }
    public var isRequested: Bool { requested.load(ordering: .relaxed) }
}
