import WasmComponent
import WasmRuntime

/// A host implementation of one imported interface, written in Swift: values arrive lifted and
/// leave as values. Policy and audit happen around it (`CapabilityGate`); it only runs calls the
/// policy allowed, and is told which grant allowed them so it can honour the grant's scope.
public protocol HostInterface: AnyObject, Sendable {
    /// The full interface name without version, e.g. `sandbox:skill/filesystem`.
    var interfaceName: String { get }
    /// The functions this host implements, by WIT name, each with the shape of its type as
    /// `WITPrinter.structuralSignature` spells it (`func(string) -> result<string, string>`):
    /// an import of another type is not served, so the host never sees values it does not expect.
    var signatures: [String: String] { get }
    /// Which capability a call needs, and what the policy must check beyond it: for the
    /// filesystem, the path and whether it is read or written; for a write to a stream, the
    /// capability the stream came from.
    func authority(for call: HostCallRequest) -> HostAuthority
    /// What the guest receives when the policy refuses the call, in the interface's own terms
    /// (an empty list, an `error-code`, bytes silently dropped); nil: the generic answer (the
    /// `err` of a `result<_, string>`, else a trap).
    func deniedResult(for call: HostCallRequest, message: String) throws -> ComponentValue?
    /// What a call on a stream moved (or, refused, tried to), for the audit, once `result` is
    /// known (that of the host, or the refused call's answer); nil for a call not on a stream.
    func traffic(of call: HostCallRequest, result: ComponentValue?) -> StreamTraffic?
    /// Runs an allowed call. Throwing traps the guest with the error's description.
    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
    /// Asked once per import of `function` at load: what the host wants to find in the import's
    /// `HostCallContext.hostBinding` at every call (its entry for the function).
    func binding(for function: String) -> AnyObject?
}

extension HostInterface {
    public func binding(for function: String) -> AnyObject? { nil }
    public func deniedResult(for call: HostCallRequest, message: String) throws -> ComponentValue? { nil }
    public func traffic(of call: HostCallRequest, result: ComponentValue?) -> StreamTraffic? { nil }
}

/// A host call as the gate hands it to a host before deciding it.
public struct HostCallRequest {
    public let context: HostCallContext
    public let arguments: [ComponentValue]
    /// What the host keeps for this component (its objects, the WASI streams).
    public let state: HostState
    /// The component's policy as the call finds it: for an authority that depends on what is
    /// granted (the directories `get-directories` hands out) and for a refusal's answer that
    /// depends on why (a WASI `error-code`).
    let policy: Policy

    public var function: String { context.function }
}

/// What a call needs before it may run.
public enum HostAuthority: Sendable {
    /// A grant of the call's own interface; `request` is what its scopes must cover.
    case capability(ScopeRequest)
    /// A grant of another interface, the one a handle the call uses came from (a write to the
    /// stream `get-stdout` gave needs `wasi:cli/stdout`); `origin` names where it came from, and
    /// `hint` what the user could do, said the first time such a call is denied.
    case inherited(interface: String, function: String, request: ScopeRequest, origin: String, hint: String? = nil)
    /// Nothing beyond what the guest already holds (a pollable, the arguments it was given):
    /// allowed, and `basis` says why in the audit.
    case none(basis: String)
}

/// Why a host call may run: the grant that allowed it, and the explicit denies the host must
/// still honour beneath that grant (e.g. a denied folder inside a granted one).
public struct HostAuthorization {
    /// The grant that allowed the call; nil when it needed none.
    public let grant: CapabilityRule?
    public let context: HostCallContext
    /// What the host keeps for this component.
    public let state: HostState
    /// Kept private: a host learns only what bears on this call, not the whole policy.
    private let policy: Policy

    init(grant: CapabilityRule?, policy: Policy, context: HostCallContext, state: HostState) {
        self.grant = grant
        self.policy = policy
        self.context = context
        self.state = state
    }

    /// The scopes explicitly denied for this call's function with `access`.
    public func deniedScopes(for access: PathAccess) -> [PathScope] {
        guard let grant else { return [] }
        return policy.deniedScopes(interface: grant.interface, function: context.function, access: access)
    }

    /// The grants of `interface` (the call's own when nil) that apply to `function`: what a host
    /// hands out when the grants themselves are the answer (the directories given to a WASI
    /// guest, the variables it may read).
    public func grants(of interface: String? = nil, function: String? = nil) -> [CapabilityRule] {
        let interface = interface ?? context.interface
        let function = function ?? context.function
        return policy.grants.filter { $0.interface == interface && $0.applies(toFunction: function) }
    }

    /// Whether the policy allows `request` on `interface` now (a host checking more than one
    /// thing in one call: each name of a path it resolves).
    public func allows(_ interface: String, function: String, _ request: ScopeRequest) -> Bool {
        policy.decide(interface: interface, function: function, request: request).isAllowed
    }
}
