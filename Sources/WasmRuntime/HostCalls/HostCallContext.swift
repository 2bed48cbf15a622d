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

    public init(
        component: String, interface: String, function: String, type: WasmComponent.FunctionType,
        unprovidedReason: String? = nil
    ) {
        self.component = component
        self.interface = interface
        self.function = function
        self.type = type
        self.unprovidedReason = unprovidedReason
    }

    /// `sandbox:skill/filesystem.read-file`, or the bare function name.
    public var qualifiedName: String { interface.isEmpty ? function : "\(interface).\(function)" }
}
