@_spi(Fuzzing) import WasmKit

/// Enforces `ComponentLimits` on a component's store. Throwing (rather than answering false)
/// makes an over-limit `memory.grow` a trap with a message naming the limit, instead of a -1
/// the guest may not expect; a memory or table declared over the limit fails instantiation.
final class GuestResourceLimiter: ResourceLimiter {
    let limits: ComponentLimits

    init(limits: ComponentLimits) { self.limits = limits }

    func limitMemoryGrowth(to desired: Int) throws -> Bool {
        guard desired <= limits.memoryBytes else {
            throw ResourceLimitError(
                .memory,
                "memory limit exceeded: growing a linear memory to \(ResourceLimitError.bytes(desired)) "
                    + "exceeds the component's limit of \(ResourceLimitError.bytes(limits.memoryBytes))")
        }
        return true
    }

    func limitTableGrowth(to desired: Int) throws -> Bool {
        guard desired <= limits.tableElements else {
            throw ResourceLimitError(
                .table,
                "table limit exceeded: growing a table to \(desired) elements exceeds the component's "
                    + "limit of \(limits.tableElements)")
        }
        return true
    }
}

extension Store {
    /// Puts `limits` on this store's memories and tables.
    func apply(_ limits: ComponentLimits) {
        resourceLimiter = GuestResourceLimiter(limits: limits)
    }
}
