import Capabilities
import WasmComponent
import WasmRuntime

/// `wasmsh demo NAME`: the original proof of concept, reproduced byte for byte. Loads
/// `components/NAME.wasm`, applies `manifests/NAME.toml`, runs `sandbox:skill/skill#run` and
/// prints the audit line and the result in the seed's words.
public enum SeedDemo {
    public static func run(
        _ name: String, componentsDirectory: String = "components", manifestsDirectory: String = "manifests",
        root: String? = nil, output: @escaping @Sendable (String) -> Void
    ) throws {
        output("=== WASM Capability-Based Security Demo ===\n")
        output("Loading component: \(name)\n\n")
        let audit = AuditLog(sinks: [SeedAuditSink(emit: { output($0 + "\n") })])
        let environment = try SandboxEnvironment(root: root, audit: audit)
        let component = try SandboxedComponent(
            bytes: try ComponentFile.read("\(componentsDirectory)/\(name).wasm"), name: name,
            environment: environment,
            policy: PolicySetup(
                manifest: .init(path: "\(manifestsDirectory)/\(name).toml", expectedComponent: name)))
        let (_, result) = try component.call("sandbox:skill/skill#run()")
        guard case .string(let text)? = result else {
            throw LoadError("\(name)'s run() returned \(String(describing: result)), not a string")
        }
        output("\n=== Component Result ===\n\(text)\n")
    }
}
