import Capabilities
import WasmComponent
import WasmRuntime

/// A component loaded into the session under a name, with where it came from.
final class SessionComponent {
    let name: String
    let path: String
    let sandboxed: SandboxedComponent
    /// The manifest applied at load, if any.
    let manifestPath: String?

    init(name: String, path: String, sandboxed: SandboxedComponent, manifestPath: String?) {
        self.name = name
        self.path = path
        self.sandboxed = sandboxed
        self.manifestPath = manifestPath
    }

    var world: ComponentWorld { sandboxed.world }
    var exports: [ExportedFunction] { sandboxed.component.exports }

    /// Imported interfaces, by full name, in import order.
    var importedInterfaces: [InterfaceDescription] {
        world.imports.compactMap { if case .interface(let interface) = $0 { return interface } else { return nil } }
    }
}
