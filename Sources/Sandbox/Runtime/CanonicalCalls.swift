import WasmKit
import WasmComponent

extension LiftedFunction {
    func call(_ arguments: [ComponentValue], type: WasmComponent.FunctionType, runtime: ComponentRuntime) throws -> ComponentValue? {
        throw LoadError("TODO")
    }
}

struct LoweredFunction {
    let target: ComponentFunction
    let memory: Memory?
    let realloc: WasmKit.Function?
    let options: CanonicalOptions
    func makeCoreFunction(store: Store, runtime: ComponentRuntime) throws -> WasmKit.Function {
        throw LoadError("TODO")
    }
}
struct CanonicalOptions { var stringEncoding: StringEncodingOption }
