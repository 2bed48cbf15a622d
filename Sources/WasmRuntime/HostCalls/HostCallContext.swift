import WasmComponent

/// Who is calling a host function: one per imported function of a loaded component, made at load.
public struct HostCallContext: Sendable {
    public var component: String
    /// The imported interface's full name (`sandbox:skill/filesystem`, possibly `@version`); empty
    /// for a function the world imports on its own.
    public var interface: String
    public var function: String
    public var type: WasmComponent.FunctionType
    /// Why no host serves this import (none does, or not with this type), as the handler said at
    /// load; nil when one does. A call to an unprovided import is refused and traps.
    public var unprovidedReason: String?
    /// The component's handle table, for hosts whose functions take or return resources.
    public let resources: HostResources?
    /// Whether the running call was asked to stop (Ctrl-C, its time limit): a host that blocks
    /// (a sleep, a read) looks here often enough to return within 100 ms.
    public let interruption: CallInterruption?

    public init(
        component: String, interface: String, function: String, type: WasmComponent.FunctionType,
        unprovidedReason: String? = nil, resources: HostResources? = nil, interruption: CallInterruption? = nil
    ) {
        self.component = component
        self.interface = interface
        self.function = function
        self.type = type
        self.unprovidedReason = unprovidedReason
        self.resources = resources
        self.interruption = interruption
    }

    /// `sandbox:skill/filesystem.read-file`, or the bare function name.
    public var qualifiedName: String { interface.isEmpty ? function : "\(interface).\(function)" }
}
