import WasmComponent

// WasmKit declares types of the same names for its own (limited) component layer. Inside the
// sandbox, the unqualified names mean ours; WasmKit's are written `WasmKit.X`.
public typealias CanonicalOptions = WasmComponent.CanonicalOptions
public typealias ComponentError = WasmComponent.ComponentError
public typealias FunctionType = WasmComponent.FunctionType
public typealias ValueType = WasmComponent.ValueType
