import Foundation
import Testing
import WasmComponent
import WasmRuntime

@testable import Capabilities

/// Issue 15, findings 1 and 2: whatever a guest passes or returns, what the host keeps and
/// writes of it is bounded (`components/hostile/hostile-memory.wasm`).
@Suite("Host memory bounds against a hostile guest")
struct HostMemoryBoundsTests {
    let audit = AuditLog()

    func load(limits: ComponentLimits = .default, policy: PolicySetup = .none) throws -> SandboxedComponent {
        let environment = try SandboxEnvironment(root: repositoryRoot.path, audit: audit)
        environment.limits = limits
        return try SandboxedComponent(
            bytes: try fixtureBytes("hostile/hostile-memory"), name: "flood", environment: environment, policy: policy)
    }

    @Test("a denied call with a 1 MiB path keeps a 4 KiB preview, the whole length and its digest")
    func longPathDenied() throws {
        let component = try load()
        let length = 1 << 20
        let result = try component.call("read-long-path(\(length))").result
        guard case .result(.err(.string(let message)))? = result else {
            Issue.record("expected err(...), got \(String(describing: result))")
            return
        }
        #expect(message.hasPrefix("Permission denied: component 'flood' does not have filesystem capability"))
        let event = try #require(audit.history.last)
        let wave = "\"" + String(repeating: "a", count: length) + "\""
        #expect(event.arguments.preview == String(wave.prefix(AuditText.previewBytes)))
        #expect(event.arguments.byteCount == wave.utf8.count)
        #expect(event.arguments.sha256 == SHA256.hexDigest(of: Array(wave.utf8)))
        #expect(event.jsonLine.utf8.count < 2 * AuditText.previewBytes)
    }

    @Test("the JSONL records of a cut argument: the decision has a null length, the outcome the length and digest")
    func jsonlOfCutArguments() throws {
        let path = NSTemporaryDirectory() + "wasmsh-cut-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        audit.add(try JSONLinesAuditSink(path: path))
        _ = try load().call("read-long-path(100000)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect((records[0]["args"] as? String)?.utf8.count == AuditText.previewBytes)
        #expect(records[0]["args_bytes"] is NSNull)
        #expect(records[0]["args_sha256"] == nil)
        #expect(records[1]["args_bytes"] as? Int == 100_002)
        #expect((records[1]["args_sha256"] as? String)?.count == 64)
        #expect(lines.allSatisfy { $0.utf8.count < 2 * AuditText.previewBytes })
    }

    @Test("arguments over the lift budget are refused before the host runs; the refusal is audited; the guest traps")
    func liftBudgetOnArguments() throws {
        var limits = ComponentLimits.default
        limits.liftBytesPerCall = 1 << 20
        let component = try load(limits: limits)
        let error = #expect(throws: ResourceLimitError.self) { try component.call("read-long-path(2000000)") }
        #expect(error?.limit == .lift)
        #expect(
            error?.description
                == "lift limit exceeded: the values lifted in one call would take more than 1 MiB of host memory")
        let event = try #require(audit.history.last)
        #expect(event.decision.reason == "refused")
        #expect(event.decision.verdict == .denied)
        #expect(throws: InstanceUnusable.self) { try component.call("read-long-path(1)") }
    }

    @Test("a list of strings that all point at one buffer counts every element against the budget")
    func aliasedStrings() throws {
        let component = try load()
        // 100,000 × 10 KB = 1 GB described by 10 KB of guest memory.
        let error = #expect(throws: ResourceLimitError.self) { try component.call("aliased-strings(100000, 10000)") }
        #expect(error?.limit == .lift)
        // Within the budget the same call works.
        let fresh = try load()
        guard case .list(let strings)? = try fresh.call("aliased-strings(100, 1000)").result else {
            Issue.record("expected a list")
            return
        }
        #expect(strings.count == 100)
    }

    @Test("nested aliasing (n × n × size bytes from 16n + size) is bounded the same way")
    func aliasedNested() throws {
        #expect(throws: ResourceLimitError.self) { try load().call("aliased-nested(4000, 1024)") }
    }

    @Test("a result of more handles than the component may hold is refused")
    func handleLimit() throws {
        var limits = ComponentLimits.default
        limits.liveHandles = 1000
        let component = try load(limits: limits)
        let error = #expect(throws: ResourceLimitError.self) { try component.call("make-many(5000)") }
        #expect(error?.limit == .handles)
    }

    @Test("the in-memory history is capped in bytes, whatever the events hold")
    func historyByteCap() throws {
        let log = AuditLog(historyLimit: 10_000, historyByteLimit: 64 << 10)
        let big = AuditText(String(repeating: "x", count: 100_000))
        for _ in 0..<200 {
            let event = try log.begin(
                component: "c", interface: "i", function: "f", arguments: big,
                decision: AuditDecision(verdict: .denied, authority: .policy, reason: nil, basis: "b"))
            try log.finish(event, outcome: .returned(big))
        }
        let kept = log.history
        #expect(kept.reduce(0) { $0 + AuditLog.bytes(of: $1) } <= 64 << 10)
        #expect(kept.count >= 1)
        #expect(log.droppedFromHistory == UInt64(200 - kept.count))
        #expect(kept.last?.sequence == 200)
    }
}
