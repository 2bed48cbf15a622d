import WasmComponent

/// Who is calling a host function: one per imported function of a loaded component, made at load.
/// A class: it travels through every host call (request, authorization, audit), and a reference
/// is one retain where a copy of its fields was eight.
public final class HostCallContext: Sendable {
    public let component: String
    /// The imported interface's full name (`sandbox:skill/filesystem`, possibly `@version`); empty
    /// for a function the world imports on its own.
    public let interface: String
    public let function: String
    public let type: WasmComponent.FunctionType
    /// Why no host serves this import (none does, or not with this type), as the handler said at
    /// load; nil when one does. A call to an unprovided import is refused and traps.
    public let unprovidedReason: String?
    /// The component's handle table, for hosts whose functions take or return resources.
    public let resources: HostResources?
    /// Whether the running call was asked to stop (Ctrl-C, its time limit): a host that blocks
    /// (a sleep, a read) looks here often enough to return within 100 ms.
    public let interruption: CallInterruption?
    /// What the host serving this import looked up for it at load (`HostCallHandler.hostBinding`).
    public nonisolated(unsafe) let hostBinding: AnyObject?

    public init(
        component: String, interface: String, function: String, type: WasmComponent.FunctionType,
        unprovidedReason: String? = nil, resources: HostResources? = nil, interruption: CallInterruption? = nil,
        hostBinding: AnyObject? = nil
    ) {
        self.hostBinding = hostBinding
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

    /// The same import as the handler answered for it at load: why no host serves it, or what
    /// the host serving it wants handed back with every call.
    public func answered(by handler: any HostCallHandler) -> HostCallContext {
        let reason = handler.unprovidedReason(for: self)
        return HostCallContext(
            component: component, interface: interface, function: function, type: type, unprovidedReason: reason,
            resources: resources, interruption: interruption,
            hostBinding: reason == nil ? handler.hostBinding(for: self) : nil)
    }
}
