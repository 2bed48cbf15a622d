import Capabilities
import Foundation
import WasmRuntime

/// `components/wasi/net.wasm` loaded with grants (standard output and error always granted),
/// its output captured, optionally with a time limit on its calls.
struct NetFixture {
    let component: SandboxedComponent
    let output: CapturedGuestOutput
    let audit: AuditLog

    init(_ name: String = "net", grants: [GrantRequest], callSeconds: Double? = nil) throws {
        let bytes = [UInt8](
            try Data(contentsOf: repositoryRoot.appendingPathComponent("components/wasi/\(name).wasm")))
        let audit = AuditLog()
        let environment = try SandboxEnvironment(audit: audit)
        if let callSeconds { environment.limits.callSeconds = callSeconds }
        let output = CapturedGuestOutput()
        environment.guestOutput = { _ in output }
        self.output = output
        self.audit = audit
        component = try SandboxedComponent(
            bytes: bytes, name: name, environment: environment,
            policy: PolicySetup(grants: [GrantRequest("stdout"), GrantRequest("stderr")] + grants))
    }

    /// Runs `wasi:cli/run` with argv `[name] + arguments`.
    func run(_ arguments: [String]) throws -> CommandRun.Outcome {
        try CommandRun.run(component, arguments: [component.name] + arguments, input: nil)
    }

    /// The audit records of calls of `function` (its full WIT name).
    func calls(of function: String) -> [AuditEvent] { audit.history.filter { $0.function == function } }

    /// A socket grant: `wasi:sockets` with scopes such as `tcp:connect 127.0.0.1:80` (words).
    static func sockets(_ scopes: String) -> GrantRequest {
        GrantRequest("wasi:sockets", scopes: scopes.split(separator: " ").map(String.init))
    }
}
