import WasmComponent

/// What the core function of a lowered import needs on every call. The store's host function
/// reaches it weakly and the component's runtime owns it: WasmKit's `Memory` and `Function`
/// handles in it hold the store strongly, so a host function owning them would keep its own
/// store alive forever (every unloaded component with imports would leak its whole store).
final class LoweredCallState {
    let signature: CanonicalSignature
    let context: GuestContext
    let target: ComponentFunction
    /// `import test:hostile/host.greeting`: where lifting or lowering failed, in errors.
    let label: String

    init(signature: CanonicalSignature, context: GuestContext, target: ComponentFunction) {
        self.signature = signature
        self.context = context
        self.target = target
        switch target.implementation {
        case .imported(let host):
            label = host.interface.isEmpty ? "import \(host.function)" : "import \(host.interface).\(host.function)"
        case .lifted:
            label = "lowered function"
        }
    }
}
