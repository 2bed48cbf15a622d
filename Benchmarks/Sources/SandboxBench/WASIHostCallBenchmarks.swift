import Capabilities
import WasmComponent
import WasmRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// (b) WASI host calls that do no I/O: components/wasi/spin.wasm's `spin-clock(N)` calls
/// `wasi:clocks/monotonic-clock.now` N times and `spin-random(N)` calls
/// `wasi:random/random.get-random-bytes(16)` N times, inside one export call, each through the
/// capability gate (policy decision, audit record before and after) with the audit in memory,
/// and `spin-clock` with a JSONL audit file as well.
struct WASIHostCallBenchmarks {
    let files: FixtureFiles
    let callsPerExportCall: Int
    let runs: Int

    var rate: HostCallRate { HostCallRate(callsPerExportCall: callsPerExportCall, runs: runs) }

    func run() throws -> [Measurement] {
        let count = callsPerExportCall
        let clock = try spin(audit: AuditLog())
        let clockCall = try CallExpression("spin-clock(\(count))", in: clock.component)
        let clockRate = try rate.callsPerSecond {
            try HostCallRate.timed { try expectClock(clock.component.call(clockCall.export, clockCall.arguments)) }
        }

        let random = try spin(audit: AuditLog())
        let randomCall = try CallExpression("spin-random(\(count))", in: random.component)
        let randomRate = try rate.callsPerSecond {
            try HostCallRate.timed {
                let total = try random.component.call(randomCall.export, randomCall.arguments)
                guard total == .u32(UInt32(truncatingIfNeeded: 16 * count)) else {
                    throw BenchError("spin-random received \(String(describing: total)), not \(16 * count) bytes")
                }
            }
        }

        let fileAudit = AuditLog()
        let withFile = try spin(audit: fileAudit)
        let fileCall = try CallExpression("spin-clock(\(count))", in: withFile.component)
        let fileRate = try rate.callsPerSecond(writingJSONLFrom: fileAudit, named: "wasi") {
            try expectClock(withFile.component.call(fileCall.export, fileCall.arguments))
        }

        return [
            Measurement(
                metric: "wasi.clock", value: clockRate, unit: "calls/s",
                note: "monotonic-clock.now: policy + audit in memory"),
            Measurement(
                metric: "wasi.random", value: randomRate, unit: "calls/s",
                note: "get-random-bytes(16): policy + audit in memory"),
            Measurement(
                metric: "wasi.clock-jsonl", value: fileRate, unit: "calls/s",
                note: "monotonic-clock.now: policy + audit in memory and JSONL"),
        ]
    }

    /// spin.wasm behind the gate with its default grants (clocks and randomness).
    private func spin(audit: AuditLog) throws -> SandboxedComponent {
        try SandboxedComponent(
            bytes: try files.bytes(of: "wasi/spin"), name: "spin",
            environment: try SandboxEnvironment(root: files.root, audit: audit),
            policy: PolicySetup(grants: [GrantRequest("random")]))
    }

    private func expectClock(_ result: ComponentValue?) throws {
        guard case .u64(let instant)? = result, instant > 0 else {
            throw BenchError("spin-clock returned \(String(describing: result))")
        }
    }
}
