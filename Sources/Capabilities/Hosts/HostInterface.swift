import WasmComponent
import WasmRuntime

/// A host implementation of one imported interface, written in Swift: values arrive lifted and
/// leave as values. Policy and audit happen around it (`CapabilityGate`); it only runs calls the
/// policy allowed, and is told which grant allowed them so it can honour the grant's scope.
public protocol HostInterface: AnyObject, Sendable {
    /// The full interface name without version, e.g. `sandbox:skill/filesystem`.
    var interfaceName: String { get }
    /// The functions this host implements, by WIT name.
    var functionNames: [String] { get }
    /// What the policy must check beyond the capability itself: for the filesystem, the path
    /// and whether it is read or written.
    func scopeRequest(for function: String, arguments: [ComponentValue]) -> ScopeRequest
    /// Runs an allowed call. Throwing traps the guest with the error's description.
    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
}

/// Why a host call may run: the grant that allowed it, in the policy that holds it.
public struct HostAuthorization: Sendable {
    public var grant: CapabilityRule
    public var policy: Policy
    public var context: HostCallContext
}
