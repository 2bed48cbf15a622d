import WasmComponent

/// A host implementation of one imported interface, written in Swift: values arrive lifted and
/// leave as values; the canonical ABI, policy and audit are handled around it.
public protocol HostInterface: AnyObject, Sendable {
    /// The full interface name without version, e.g. `sandbox:skill/filesystem`.
    var interfaceName: String { get }
    /// The functions this host implements, by WIT name.
    var functionNames: [String] { get }
    /// Runs `function`. Throwing traps the guest with the error's description.
    func call(_ function: String, _ arguments: [ComponentValue], context: HostCallContext) throws -> ComponentValue?
}

/// Who is calling a host function.
public struct HostCallContext: Sendable {
    public var component: String
    public var interface: String
    public var function: String
    public var type: FunctionType
}

extension HostInterface {
    /// Whether this host serves an import named `name` (which may carry an `@version`).
    public func serves(_ name: String) -> Bool {
        InterfaceName(name).unversioned == interfaceName
    }
}
