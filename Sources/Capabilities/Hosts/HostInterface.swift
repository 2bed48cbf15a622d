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
    /// What the policy must check beyond the capability itself: for the filesystem, the path
    /// and whether it is read or written.
    func scopeRequest(for function: String, arguments: [ComponentValue]) -> ScopeRequest
    /// Runs an allowed call. Throwing traps the guest with the error's description.
    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
}

/// Why a host call may run: the grant that allowed it, and the explicit denies the host must
/// still honour beneath that grant (e.g. a denied folder inside a granted one).
public struct HostAuthorization: Sendable {
    public let grant: CapabilityRule
    public let context: HostCallContext
    /// Kept private: a host learns only what bears on this call, not the whole policy.
    private let policy: Policy

    init(grant: CapabilityRule, policy: Policy, context: HostCallContext) {
        self.grant = grant
        self.policy = policy
        self.context = context
    }

    /// The scopes explicitly denied for this call's function with `access`.
    public func deniedScopes(for access: PathAccess) -> [PathScope] {
        policy.deniedScopes(interface: grant.interface, function: context.function, access: access)
    }
}
