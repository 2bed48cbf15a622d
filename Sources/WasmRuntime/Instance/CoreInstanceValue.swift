import WasmComponent
import WasmKit

/// A core instance of a component: a real WasmKit instance, or a bag of core items that the
/// component assembled with `(core instance (export ...))` to serve as a module's imports.
enum CoreInstanceValue {
    case instance(Instance)
    case exports([String: ExternalValue])

    func export(_ name: String) -> ExternalValue? {
        switch self {
        case .instance(let instance): return instance.export(name)
        case .exports(let items): return items[name]
        }
    }
}
