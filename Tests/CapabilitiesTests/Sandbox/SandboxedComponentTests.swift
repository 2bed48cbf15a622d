import Capabilities
import Foundation
import Testing
import WasmComponent

/// A component without core start functions is instantiated first and given its policy after,
/// from the world instantiating it gave; one with them gets its policy first, from a walk of
/// its types.
@Suite("Loading a sandboxed component")
struct SandboxedComponentTests {
    static let committed: [String] = {
        let folders = ["components", "components/wasi"]
        return folders.flatMap { folder in
            let names =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: repositoryRoot.appendingPathComponent(folder).path)) ?? []
            return names.filter { $0.hasSuffix(".wasm") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    @Test(
        "the world a component's policy is set up from is the one a walk of its types alone gives", arguments: committed
    )
    func sameWorld(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
        let typesOnly = try ComponentInspector.world(of: try ComponentParser.parse(bytes))
        let environment = try SandboxEnvironment(root: repositoryRoot.path)
        let loaded = try SandboxedComponent(bytes: bytes, name: "fixture", environment: environment)
        #expect(WITPrinter.print(loaded.world) == WITPrinter.print(typesOnly))
        #expect(loaded.policy.catalog.interfaces.map(\.name) == ImportCatalog(world: typesOnly).interfaces.map(\.name))
    }

    @Test("only a component whose core modules have start sections runs guest code while it is instantiated")
    func startFunctionsAreFound() throws {
        #expect(Self.committed.count > 10)
        for path in Self.committed {
            let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
            #expect(try !ComponentParser.parse(bytes).hasCoreStartFunctions, "\(path)")
        }
        for name in ["start", "start-forever"] {
            let path = "Tests/WasmRuntimeTests/WasmKitWorkarounds/Fixtures/\(name).wasm"
            let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
            #expect(try ComponentParser.parse(bytes).hasCoreStartFunctions, "\(name)")
        }
    }

    @Test(
        "a component loaded before its policy is set still gets its grants, and a manifest's error still fails the load"
    )
    func policyAfterLoad() throws {
        let environment = try SandboxEnvironment(root: repositoryRoot.path)
        let trusted = try SandboxedComponent(
            bytes: try fixtureBytes("trusted"), name: "trusted", environment: environment,
            policy: PolicySetup(grants: [GrantRequest("filesystem")]))
        let (_, result) = try trusted.call("run()")
        #expect(result.map { "\($0)" }?.contains("SUCCESS") == true)
        let manifest = NSTemporaryDirectory() + "wasmsh-bad-manifest-\(getpid()).toml"
        defer { unlink(manifest) }
        try "[component]\nname = 3\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            try SandboxedComponent(
                bytes: try fixtureBytes("trusted"), name: "trusted", environment: environment,
                policy: PolicySetup(manifest: .init(path: manifest, expectedComponent: nil)))
        }
    }
}
