import Synchronization
import WasmKit

/// The interrupt flags of instances whose modules `CoreModuleInstrumenter` rewrote: `request()`
/// makes each of them trap (`unreachable`) at its next loop iteration or function entry.
///
/// Thread safety: `request()` and `reset()` may be called from any thread while a guest runs
/// on another. In WasmKit 0.4.2, `Global.assign` checks the global's (immutable) type and
/// stores the new value into the global's fixed storage through a pointer; the interpreter's
/// `global.get` loads from that same storage each time it executes (nothing caches it), so a
/// guest sees the store at its next check. The store is a plain, not an atomic, write: the
/// value is an aligned 8-byte word that only ever changes between 0 and 1, which a concurrent
/// reader sees as either the old or the new value on the platforms Swift supports, and a
/// delay in seeing it only delays the trap. (WasmKit offers no atomic access to a global, and
/// its `Global` type is not `Sendable`; this class takes that responsibility, hence
/// `@unchecked Sendable`.) Set the flag from an ordinary thread, not a signal handler.
package final class InterruptFlag: @unchecked Sendable {
    private let globals: [Global]
    /// Set by `request()`: `reset()` has work to do only after one (it runs before every call).
    private let raised = Atomic<Bool>(false)

    /// The flags exported by `instances` under `exportName`; every instance must have one.
    package init(instances: [Instance], exportName: String = CoreModuleInstrumenter.defaultExportName)
        throws(InterruptFlagError)
    {
        var globals: [Global] = []
        for (position, instance) in instances.enumerated() {
            guard case .global(let global)? = instance.export(exportName) else {
                throw InterruptFlagError.missingExport(name: exportName, instance: position)
            }
            // Assigning the current value proves the global is a mutable i32 before any guest runs.
            guard case .i32 = global.value, (try? global.assign(global.value)) != nil else {
                throw InterruptFlagError.notAMutableI32(name: exportName, instance: position)
            }
            globals.append(global)
        }
        self.globals = globals
    }

    public convenience init(instance: Instance, exportName: String = CoreModuleInstrumenter.defaultExportName)
        throws(InterruptFlagError)
    {
        try self.init(instances: [instance], exportName: exportName)
    }

    /// Asks every running or future guest call to trap at its next check; callable from any thread.
    package func request() {
        raised.store(true, ordering: .sequentiallyConsistent)
        for global in globals {
            // Cannot fail: the type and mutability were checked at init.
            try? global.assign(.i32(1))
        }
    }

    /// Clears the request, so calls run again (do this before the next call, not during one).
    package func reset() {
        guard raised.exchange(false, ordering: .sequentiallyConsistent) else { return }
        for global in globals {
            try? global.assign(.i32(0))
        }
    }

    /// Whether an interrupt is currently requested.
    package var isRequested: Bool {
        globals.contains { $0.value != .i32(0) }
    }

    /// Whether `error` is the trap an interrupt check raises: an `unreachable` trap while the flag
    /// is set. (A guest's own `unreachable` racing with a request is reported as the interrupt,
    /// which is what the user asked for anyway.)
    package func isInterruption(_ error: any Error) -> Bool {
        isRequested && Self.isUnreachableTrap(error)
    }

    /// Whether `error` is WasmKit's trap for `unreachable`. WasmKit 0.4.2 keeps `Trap.reason`
    /// package-internal, so its description's first line ("Trap: unreachable") is what is public.
    package static func isUnreachableTrap(_ error: any Error) -> Bool {
        guard let trap = error as? Trap else { return false }
        return trap.description.split(separator: "\n", maxSplits: 1).first == "Trap: unreachable"
    }
}
