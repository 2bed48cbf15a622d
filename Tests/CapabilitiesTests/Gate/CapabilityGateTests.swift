import Capabilities
import Foundation
import Synchronization
import Testing
import WasmComponent
import WasmRuntime

@Suite("Capability gate")
struct CapabilityGateTests {
    let audit = AuditLog()

    func load(_ name: String, policy: PolicySetup = .none) throws -> SandboxedComponent {
        let environment = try SandboxEnvironment(root: repositoryRoot.path, audit: audit)
        return try SandboxedComponent(
            bytes: try fixtureBytes(name), name: name, environment: environment, policy: policy)
    }

    func run(_ component: SandboxedComponent) throws -> String {
        guard case .string(let text)? = try component.call("run()").result else { return "<no string>" }
        return text
    }

    @Test("a fresh component may call nothing: the denial is the function's error value")
    func denyByDefault() throws {
        let malicious = try load("malicious")
        #expect(
            try run(malicious)
                == "BLOCKED: Failed to read /etc/passwd - Permission denied: component 'malicious' does not have filesystem capability"
        )
        let event = try #require(audit.history.last)
        #expect(event.decision.verdict == .denied)
        #expect(event.decision.basis == "no filesystem capability")
        #expect(event.arguments == #""/etc/passwd""#)
    }

    @Test("grant lets the next call through and revoke takes it back")
    func grantAndRevoke() throws {
        let malicious = try load("malicious")
        try malicious.policy.grant("filesystem")
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        #expect(try run(malicious) == "SUCCESS: Read /etc/passwd content:\n" + passwd)
        try malicious.policy.revoke("filesystem")
        #expect(try run(malicious).hasPrefix("BLOCKED: Failed to read /etc/passwd - Permission denied"))
        #expect(audit.history.map(\.decision.verdict) == [.allowed, .denied])
    }

    @Test("the audit names the grant that allowed each call, also after the grants change between calls")
    func basisFollowsGrants() throws {
        let trusted = try load(
            "trusted", policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
        _ = try run(trusted)
        _ = try run(trusted)
        // Widened in place: the same rule, with more access.
        try trusted.policy.grant("filesystem", scopes: ["./demo.txt"], access: .readWrite)
        _ = try run(trusted)
        try trusted.policy.revokeAll("filesystem")
        try trusted.policy.grant("filesystem", scopes: ["."])
        _ = try run(trusted)
        try trusted.policy.grant("filesystem")
        _ = try run(trusted)
        let bases = audit.history.map(\.decision.basis)
        #expect(bases.count == 5)
        #expect(bases[0] == "grant filesystem read ./demo.txt" && bases[1] == bases[0])
        #expect(bases[2] != bases[0] && bases[2].hasSuffix("./demo.txt"))
        #expect(bases[3] == "grant filesystem read .")
        #expect(bases[4] == "grant filesystem")
    }

    @Test("clock and random calls are marked as staying in the process; a file read is not")
    func staysInProcess() throws {
        let spin = try load("wasi/spin")
        _ = try spin.call("spin-clock(2)")
        _ = try spin.call("spin-random(1)")
        let trusted = try load(
            "trusted", policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
        _ = try run(trusted)
        #expect(audit.history.map(\.function) == ["now", "now", "get-random-bytes", "read-file"])
        #expect(audit.history.map(\.staysInProcess) == [true, true, true, false])
    }

    @Test("a grant scoped to one file does not reach another, and the message names both")
    func scopedGrant() throws {
        let malicious = try load(
            "malicious", policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
        #expect(
            try run(malicious)
                == "BLOCKED: Failed to read /etc/passwd - Permission denied: '/etc/passwd' is outside the granted scope (./demo.txt)"
        )
    }

    @Test("the trusted component reads demo.txt when its manifest is applied")
    func trustedWithManifest() throws {
        let manifest = repositoryRoot.appendingPathComponent("manifests/trusted.toml").path
        let trusted = try load(
            "trusted", policy: PolicySetup(manifest: .init(path: manifest, expectedComponent: "trusted")))
        #expect(try run(trusted).hasPrefix("SUCCESS: Read demo.txt content:\nHello from the sandbox!"))
        #expect(audit.history.last?.decision.basis == "grant filesystem read ./demo.txt")
    }

    @Test("every host call is audited in order, with its outcome, and written to JSONL before it runs")
    func jsonlAudit() throws {
        let path = NSTemporaryDirectory() + "wasmsh-audit-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        audit.add(try JSONLinesAuditSink(path: path))
        let busy = try load("busy", policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
        #expect(try busy.call(#"read-many("./demo.txt", 3)"#).result == .u32(3))
        #expect(try busy.call(#"read-many("/etc/hostname", 2)"#).result == .u32(0))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 10)
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(records.map { $0["seq"] as? Int } == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(records.map { $0["phase"] as? String }.prefix(2) == ["decided", "finished"])
        #expect(records.map { $0["decision"] as? String }.suffix(2) == ["denied", "denied"])
        #expect(
            records[1]["result"] as? String
                == #"ok("Hello from the sandbox!\nThis file was read by a trusted WASM component.\nCapability-based security is working correctly.")"#
        )
        #expect(
            records[9]["result"] as? String
                == #"err("Permission denied: \'/etc/hostname\' is outside the granted scope (./demo.txt)")"#)
        #expect(records.allSatisfy { $0["component"] as? String == "busy" && $0["function"] as? String == "read-file" })
    }
}
