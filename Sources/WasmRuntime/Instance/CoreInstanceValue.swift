import WasmComponent
import WasmKit

/// A core instance of a component: a real WasmKit instance, or a bag of core items that the
/// component assembled with `(core instance (export ...))` to serve as a module's imports.
enum CoreInstanceValue {
    /// With `names` when its module's exports have short names for WasmKit (see `ShortNames`):
    /// then an export is found by its own name only through them.
    case instance(Instance, names: ShortNames?)
    case exports([String: ExternalValue])

    func export(_ name: String) -> ExternalValue? {
        switch self {
        case .instance(let instance, nil): return instance.export(name)
        case .instance(let instance, let names?): return names.shortExport(name).flatMap { instance.export($0) }
        case .exports(let items): return items[name]
        }
    }
}
