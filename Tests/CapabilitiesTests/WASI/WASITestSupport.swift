import Capabilities
import Foundation
import WasmRuntime

/// Guest output kept in memory, per stream, for tests to compare with the oracle's.
final class CapturedGuestOutput: GuestOutput {
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var flushes = 0

    func write(_ bytes: [UInt8], to stream: GuestStream) {
        switch stream {
        case .stdout: stdout += bytes
        case .stderr: stderr += bytes
        }
    }

    func flush() { flushes += 1 }

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// A WASI fixture of `components/wasi/`, loaded with `grants`, its output captured.
struct WASIFixture {
    let component: SandboxedComponent
    let output: CapturedGuestOutput
    let audit: AuditLog
    let environment: SandboxEnvironment

    init(
        _ name: String, grants: [GrantRequest] = [], root: String? = nil, manifest: PolicySetup.ManifestFile? = nil,
        limits: ComponentLimits = .default
    ) throws {
        let bytes = [UInt8](
            try Data(contentsOf: repositoryRoot.appendingPathComponent("components/wasi/\(name).wasm")))
        try self.init(bytes: bytes, name: name, grants: grants, root: root, manifest: manifest) { environment in
            environment.limits = limits
        }
    }

    /// Runs `wasi:cli/run` with argv `[name] + arguments`.
    func run(_ arguments: [String] = [], input: GuestInput? = nil) throws -> CommandRun.Outcome {
        try CommandRun.run(component, arguments: [component.name] + arguments, input: input)
    }
}
