import WasmComponent

/// A function a loaded component exports: world-level (`interface == nil`) or inside an
/// exported interface.
public struct ExportedFunction: Sendable {
    /// The full name of the exported interface, e.g. `sandbox:skill/skill`, or nil.
    public var interface: String?
    /// The function's name inside it, e.g. `run` or `[method]cart.count`.
    public var name: String
    public var type: WasmComponent.FunctionType

    /// How the shell shows and accepts it: `skill.run`, or `add` for a world-level function.
    public var qualifiedName: String {
        guard let interface else { return name }
        return "\(InterfaceName(interface).short).\(name)"
    }
}
