import Foundation
import Testing
import WasmComponent
import WasmRuntime

@testable import Capabilities

/// Issue 15, findings 7 and 8: the Component Model's rules at the boundary. A guest may not call
/// out of the instance from `realloc` or a post-return function (wasmtime traps: "cannot leave
/// component instance"), and an import is served only with the type the host implements.
@Suite("Component-model rules at the boundary")
struct BoundaryRulesTests {
    let audit = AuditLog()

    func load(_ fixture: String, grants: [GrantRequest] = []) throws -> SandboxedComponent {
        let environment = try SandboxEnvironment(root: repositoryRoot.path, audit: audit)
        return try SandboxedComponent(
            bytes: try fixtureBytes("hostile/\(fixture)"), name: "guest", environment: environment,
            policy: PolicySetup(grants: grants))
    }

    @Test(
        "a host call from realloc or a post-return function traps before the host runs, audited, and poisons",
        arguments: [
            (#"take-string("hi")"#, "realloc"),
            ("give-string()", "a post-return function"),
            ("reenter-during-host-call()", "realloc"),
        ])
    func noLeavingFromRealloc(call: String, place: String) throws {
        let guest = try load("hostile-reentry", grants: [GrantRequest("filesystem")])
        let error = #expect(throws: ComponentModelViolation.self) { try guest.call(call) }
        #expect(
            error?.description
                == "cannot leave the component instance: sandbox:skill/filesystem.read-file was called from \(place)")
        let refused = audit.history.filter { $0.decision.reason == "refused" }
        #expect(refused.count == 1)
        #expect(refused.first?.outcome == .failed(AuditText(error?.description ?? "")))
        #expect(
            !audit.history.contains { $0.arguments.preview.contains("/etc/passwd") && $0.decision.verdict == .allowed })
        #expect(throws: InstanceUnusable.self) { try guest.call("reentries()") }
    }

    @Test(
        "an import of read-file with another type is not served: the load says why, the call traps, the host never runs",
        arguments: [
            ("hostile-signature-result", "func(string) -> u32"),
            ("hostile-signature-extra-param", "func(string, u32) -> result<string, string>"),
            ("hostile-signature-param-type", "func(u32) -> result<string, string>"),
            ("hostile-signature-no-params", "func() -> result<string, string>"),
        ])
    func signatureMismatch(fixture: String, imported: String) throws {
        let guest = try load(fixture, grants: [GrantRequest("filesystem")])
        let reason = "imported as \(imported), but the host implements func(string) -> result<string, string>"
        #expect(guest.component.unprovidedImports.map(\.name) == ["sandbox:skill/filesystem.read-file"])
        #expect(guest.component.unprovidedImports.map(\.reason) == [reason])
        let error = #expect(throws: HostError.self) { try guest.call("run()") }
        #expect(
            error?.description == "import sandbox:skill/filesystem.read-file is not provided by the host: \(reason)")
        let event = try #require(audit.history.last)
        #expect(event.decision.reason == "not-provided")
        #expect(event.decision.basis == reason)
        #expect(event.outcome == .failed(AuditText(error?.description ?? "")))
    }
}
