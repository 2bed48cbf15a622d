import Capabilities
import WasmComponent
import WasmRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// (b) Host-call throughput: busy.wasm's `read-many("./demo.txt", N)` makes N calls of the
/// filesystem host inside one export call. Through the capability gate (policy, audit, the real
/// sandboxed file read) with the audit in memory and with a JSONL file as well; through the gate
/// with a host that does no file I/O; and with a bare host closure (the call path alone).
struct HostCallBenchmarks {
    let files: FixtureFiles
    let callsPerExportCall: Int
    let runs: Int

    var rate: HostCallRate { HostCallRate(callsPerExportCall: callsPerExportCall, runs: runs) }

    func run() throws -> [Measurement] {
        let count = callsPerExportCall
        let expression = #"read-many("./demo.txt", \#(count))"#

        let inMemory = try busy(audit: AuditLog())
        let memoryCall = try CallExpression(expression, in: inMemory.component)
        let memoryRate = try rate.callsPerSecond {
            try HostCallRate.timed {
                try expectAllRead(inMemory.component.call(memoryCall.export, memoryCall.arguments))
            }
        }

        let noIO = try busy(
            audit: AuditLog(), fileSystem: InMemoryFileSystem(root: files.root, files: ["demo.txt": "x"]))
        let noIOCall = try CallExpression(expression, in: noIO.component)
        let noIORate = try rate.callsPerSecond {
            try HostCallRate.timed { try expectAllRead(noIO.component.call(noIOCall.export, noIOCall.arguments)) }
        }

        let fileAudit = AuditLog()
        let withFile = try busy(audit: fileAudit)
        let fileCall = try CallExpression(expression, in: withFile.component)
        let fileRate = try rate.callsPerSecond(writingJSONLFrom: fileAudit, named: "busy") {
            try expectAllRead(withFile.component.call(fileCall.export, fileCall.arguments))
        }

        let bare = try LoadedComponent(
            bytes: try files.bytes(of: "busy"), name: "busy", providedInterfaces: ["sandbox:skill/filesystem"],
            hostCall: { _, _ in .result(.ok(.string("x"))) })
        let bareCall = try CallExpression(expression, in: bare)
        let bareRate = try rate.callsPerSecond {
            try HostCallRate.timed { try expectAllRead(bare.call(bareCall.export, bareCall.arguments)) }
        }

        return [
            Measurement(
                metric: "host.memory", value: memoryRate, unit: "calls/s", note: "policy + audit in memory + file read"),
            Measurement(
                metric: "host.gate", value: noIORate, unit: "calls/s",
                note: "policy + audit in memory, host without file I/O"),
            Measurement(
                metric: "host.jsonl", value: fileRate, unit: "calls/s",
                note: "policy + audit in memory and JSONL (a write(2) per record) + file read"),
            Measurement(metric: "host.bare", value: bareRate, unit: "calls/s", note: "host closure returns ok(\"x\")"),
        ]
    }

    /// busy.wasm behind the capability gate with `filesystem` granted for ./demo.txt.
    /// busy.wasm on the real file system, or on `fileSystem` (an in-memory one: no file I/O).
    private func busy(audit: AuditLog, fileSystem: (any FileSystemAccess)? = nil) throws -> SandboxedComponent {
        let environment =
            try fileSystem.map { SandboxEnvironment(fileSystem: $0, audit: audit) }
            ?? SandboxEnvironment(root: files.root, audit: audit)
        return try SandboxedComponent(
            bytes: try files.bytes(of: "busy"), name: "busy", environment: environment,
            policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
    }

    private func expectAllRead(_ result: ComponentValue?) throws {
        guard result == .u32(UInt32(callsPerExportCall)) else {
            throw BenchError("read-many read \(String(describing: result)) of \(callsPerExportCall) times")
        }
    }
}
