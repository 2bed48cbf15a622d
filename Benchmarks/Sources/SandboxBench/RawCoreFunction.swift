import WasmComponent
@_spi(OnlyForCLI) import WasmKit
import WasmRuntime

/// A core function run by WasmKit alone, with no component layer in between: the baseline of
/// goal (a) (`Function.invoke` on the very core function a component export lifts) and of the
/// interrupt-check figure. The core module is taken out of the component binary and
/// instantiated on its own; its imports get stubs, since the measured functions call none.
struct RawCoreFunction {
    let function: Function

    init(exported name: String, fromComponent bytes: [UInt8]) throws {
        try self.init(exported: name, coreModule: try Self.coreModule(exporting: name, fromComponent: bytes))
    }

    init(exported name: String, coreModule bytes: [UInt8]) throws {
        let module = try parseWasm(bytes: bytes)
        // The engine configuration components get: the baseline differs only by the component layer.
        let store = Store(engine: Engine(configuration: LoadedComponent.engineConfiguration(fuelMetering: false)))
        var imports = Imports()
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor, let type = module.functionType(at: typeIndex) else {
                throw BenchError("core module import \(entry.module).\(entry.name) is not a function; cannot stub it")
            }
            let label = "\(entry.module).\(entry.name)"
            imports.define(
                module: entry.module, name: entry.name,
                Function(store: store, type: type) { _, _ in throw BenchError("stub \(label) was called") })
        }
        let instance = try module.instantiate(store: store, imports: imports)
        guard case .function(let function)? = instance.export(name) else {
            throw BenchError("core export '\(name)' is not a function")
        }
        self.function = function
    }

    /// The bytes of the first core module of the component that exports `name`.
    static func coreModule(exporting name: String, fromComponent bytes: [UInt8]) throws -> [UInt8] {
        for bytes in try ComponentParser.parse(bytes).coreModules {
            let module = try parseWasm(bytes: bytes)
            if module.exports.contains(where: { $0.name == name }) { return Array(bytes) }
        }
        throw BenchError("no core module of the component exports '\(name)'")
    }
}
