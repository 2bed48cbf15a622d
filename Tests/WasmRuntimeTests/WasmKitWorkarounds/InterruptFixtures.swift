import Foundation
import WasmKit

import struct WasmParser.WasmFeatureSet

/// The core modules next to these tests (assembled from the .wat files by Fixtures/build.sh),
/// and WasmKit set up to run them.
enum InterruptFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository root: Tests/WasmRuntimeTests/WasmKitWorkarounds/ is three levels below it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let names = ["loops", "simd", "bulk", "exceptions", "imports", "tiny", "sectionless"]

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(name).wasm")))
    }

    /// A committed component fixture, `components/NAME.wasm`.
    static func component(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("components/\(name).wasm")))
    }

    /// The core module of `components/compute.wasm` (fib, spin, forever, traps).
    static func computeCoreModule() throws -> [UInt8] {
        let component = try component("compute")
        guard let module = try ComponentCoreModules.extract(from: component).first else {
            throw FixtureError("compute.wasm has no core module")
        }
        return module
    }

    static let features: WasmFeatureSet = [.referenceTypes, .exceptionHandling, .simd, .tailCall]

    /// Parses and instantiates with eager compilation, so every function body is validated and
    /// translated now, not at its first call.
    static func instantiate(_ bytes: [UInt8], imports: (Store) throws -> Imports = { _ in Imports() }) throws
        -> Instance
    {
        let engine = Engine(configuration: EngineConfiguration(compilationMode: .eager, features: features))
        let store = Store(engine: engine)
        let module = try parseWasm(bytes: bytes, features: features)
        return try module.instantiate(store: store, imports: try imports(store))
    }

    /// The host side of imports.wasm: `env.base` = 4 and a `tick` that does nothing.
    static func importsHost(_ store: Store) throws -> Imports {
        var imports = Imports()
        imports.define(
            module: "env", name: "base",
            try Global(store: store, type: GlobalType(mutability: .constant, valueType: .i32), value: .i32(4)))
        imports.define(module: "env", name: "tick", Function(store: store, parameters: [], results: []) { _, _ in [] })
        return imports
    }

    static func call(_ instance: Instance, _ name: String, _ arguments: [Value] = []) throws -> [Value] {
        guard let function = instance.exports[function: name] else { throw FixtureError("no export \(name)") }
        return try function.invoke(arguments)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
