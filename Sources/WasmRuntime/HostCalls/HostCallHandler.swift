import WasmComponent

/// Serves every imported function of one loaded component: the seam between the runtime, which
/// lifts and lowers, and whatever decides and does the work (the capability gate). The runtime
/// knows nothing of policies; the handler never touches guest memory.
public protocol HostCallHandler: AnyObject {
    /// Asked once per imported function at load: nil when a host serves it with exactly this
    /// type, else why not (the import is then unprovided, and calls to it are refused).
    func unprovidedReason(for context: HostCallContext) -> String?

    /// Asked once per served import at load: what the host serving it wants handed back with
    /// every call (its entry for the function, found once instead of by name per call).
    func hostBinding(for context: HostCallContext) -> AnyObject?

    /// A guest called an import with these (lifted) arguments. The handler decides, records, runs
    /// the host, and hands the result to `deliver`, which lowers it into the guest and may fail;
    /// a failure of `deliver` is the call's failure and must be recorded as such. Throwing traps
    /// the guest.
    func hostCall(
        _ context: HostCallContext, _ arguments: [ComponentValue], deliver: (ComponentValue?) throws -> Void
    ) throws

    /// A call that never reached `hostCall`: its arguments could not be lifted (invalid, or over
    /// the lift budget), or it was made where the Component Model forbids leaving the instance
    /// (from `realloc` or a post-return function). The handler records it; the guest then traps
    /// with `error`.
    func hostCallRefused(_ context: HostCallContext, because error: any Error)

    /// The guest (or the host, through `LoadedComponent.drop`) dropped an owned handle of a host
    /// resource: the host releases the object behind `rep`.
    func hostResourceDropped(_ type: ResourceType, rep: UInt32)

    /// The instance will not run again (it trapped, was interrupted or aborted, or is being
    /// unloaded): the host releases every object it holds for it.
    func instanceEnded()
}

extension HostCallHandler {
    public func hostBinding(for context: HostCallContext) -> AnyObject? { nil }
    public func hostResourceDropped(_ type: ResourceType, rep: UInt32) {}
    public func instanceEnded() {}
}

/// A handler made of a closure, for tests and benchmarks: the listed interfaces (by name without
/// version) are served, with whatever type the component imports them; refusals go unrecorded.
public final class ClosureHostCallHandler: HostCallHandler {
    private let provided: Set<String>
    private let body: (HostCallContext, [ComponentValue]) throws -> ComponentValue?

    public init(
        providing interfaces: Set<String>,
        _ body: @escaping (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    ) {
        provided = interfaces
        self.body = body
    }

    public func unprovidedReason(for context: HostCallContext) -> String? {
        provided.contains(InterfaceName(context.interface).unversioned) ? nil : "no host provides it"
    }

    public func hostCall(
        _ context: HostCallContext, _ arguments: [ComponentValue], deliver: (ComponentValue?) throws -> Void
    ) throws {
        try deliver(try body(context, arguments))
    }

    public func hostCallRefused(_ context: HostCallContext, because error: any Error) {}
}
