import Synchronization

/// Stops running guests from another thread (Ctrl-C): every loaded component registers how to
/// interrupt itself; `interruptAll` asks each. Safe to call from any thread.
public final class InterruptBroadcaster: Sendable {
    private let handlers = Mutex<[Int: @Sendable () -> Void]>([:])
    private let nextKey = Atomic<Int>(0)

    public init() {}

    /// Registers an interrupt action; returns a key to unregister it with.
    public func register(_ handler: @escaping @Sendable () -> Void) -> Int {
        let key = nextKey.add(1, ordering: .relaxed).newValue
        handlers.withLock { $0[key] = handler }
        return key
    }

    public func unregister(_ key: Int) {
        _ = handlers.withLock { $0.removeValue(forKey: key) }
    }

    public func interruptAll() {
        let current = handlers.withLock { Array($0.values) }
        for handler in current { handler() }
    }
}
