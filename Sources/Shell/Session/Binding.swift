import WasmComponent

/// A value kept with `let NAME = call ...`: its WIT type and, for resource handles, the
/// component whose table holds it.
struct Binding {
    var value: ComponentValue
    var type: ValueType
    var component: String
}
