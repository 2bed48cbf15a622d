import WasmComponent

/// A function a loaded component exports: world-level (`interface == nil`) or inside an
/// exported interface. A class: a call carries it from its resolution to its result (prepared
/// call, outcome, audit), and a copy of it is one retain where a copy of its names and type was
/// half a dozen.
public final class ExportedFunction: Sendable {
    /// The full name of the exported interface, e.g. `sandbox:skill/skill`, or nil.
    public let interface: String?
    /// The function's name inside it, e.g. `run` or `[method]cart.count`.
    public let name: String
    public let type: WasmComponent.FunctionType
    /// How the shell shows and accepts it: `skill.run`, or `add` for a world-level function.
    /// Made once: resolving a name compares it with every export's.
    public let qualifiedName: String
    /// Where the loaded component keeps the function: no name is built or hashed per call.
    let slot: Int

    init(interface: String?, name: String, type: WasmComponent.FunctionType, slot: Int) {
        self.interface = interface
        self.name = name
        self.type = type
        self.qualifiedName = interface.map { "\(InterfaceName($0).short).\(name)" } ?? name
        self.slot = slot
    }
}
