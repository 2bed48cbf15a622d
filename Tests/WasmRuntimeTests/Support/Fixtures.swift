import Foundation
import WasmComponent
import WasmRuntime

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixtureBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("components/\(name).wasm")))
}

/// The hosts `components/golden.py` gives each fixture, so results compare with wasmtime's.
func referenceHost(for component: String) -> (HostCallContext, [ComponentValue]) throws -> ComponentValue? {
    { context, arguments in
        switch (component, context.function) {
        case ("values", _):
            return arguments.first
        case (_, "transform"):
            guard case .string(let text) = arguments.first else { throw LoadError("transform needs a string") }
            return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
        case ("malicious", "read-file"):
            return .result(
                .err(.string("Permission denied: component 'malicious' does not have filesystem capability")))
        case ("trusted", "read-file"):
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("demo.txt"), encoding: .utf8)
            return .result(.ok(.string(text)))
        case ("busy", "read-file"):
            return arguments.first == .string("./demo.txt")
                ? .result(.ok(.string("x"))) : .result(.err(.string("denied")))
        case (let name, "read-file") where name.hasPrefix("debug"):
            guard arguments.first == .string("./demo.txt") else { return .result(.err(.string("denied"))) }
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("demo.txt"), encoding: .utf8)
            return .result(.ok(.string(text)))
        default:
            throw LoadError("no reference host for \(context.interface).\(context.function)")
        }
    }
}

func loadFixture(_ name: String) throws -> LoadedComponent {
    try LoadedComponent(
        bytes: try fixtureBytes(name), name: name, providedInterfaces: [], hostCall: referenceHost(for: name))
}

/// values.wasm with its `test:values/host` import served, by the reference host (which hands
/// back its first argument).
func loadValues() throws -> LoadedComponent {
    try LoadedComponent(
        bytes: try fixtureBytes("values"), name: "values", providedInterfaces: ["test:values/host"],
        hostCall: referenceHost(for: "values"))
}
