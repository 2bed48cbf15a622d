import WasmComponent

/// A function a loaded component exports: world-level (`interface == nil`) or inside an
/// exported interface.
public struct ExportedFunction: Sendable {
    /// The full name of the exported interface, e.g. `sandbox:skill/skill`, or nil.
    public let interface: String?
    /// The function's name inside it, e.g. `run` or `[method]cart.count`.
    public let name: String
    public let type: FunctionType
    /// How the shell shows and accepts it: `skill.run`, or `add` for a world-level function.
    /// Computed once: call lookup compares it against every export.
    public let qualifiedName: String

    public init(interface: String?, name: String, type: FunctionType) {
        self.interface = interface
        self.name = name
        self.type = type
        qualifiedName = interface.map { "\(InterfaceName($0).short).\(name)" } ?? name
    }
}
