import WasmComponent

// WasmKit declares types of the same names for its own (limited) component layer. Inside the
// sandbox, the unqualified names mean ours; WasmKit's are written `WasmKit.X`.
typealias CanonicalOptions = WasmComponent.CanonicalOptions
typealias ComponentError = WasmComponent.ComponentError
typealias FunctionType = WasmComponent.FunctionType
typealias ValueType = WasmComponent.ValueType
