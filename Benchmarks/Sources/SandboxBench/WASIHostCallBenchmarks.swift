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

    func run() throws -> [Measurement] {
        let count = callsPerExportCall
        let clock = try spin(audit: AuditLog())
        let clockCall = try CallExpression("spin-clock(\(count))", in: clock.component)
        let clockRate = try callsPerSecond {
            try timed { try expectClock(clock.component.call(clockCall.export, clockCall.arguments)) }
        }

        let random = try spin(audit: AuditLog())
        let randomCall = try CallExpression("spin-random(\(count))", in: random.component)
        let randomRate = try callsPerSecond {
            try timed {
                let total = try random.component.call(randomCall.export, randomCall.arguments)
                guard total == .u32(UInt32(truncatingIfNeeded: 16 * count)) else {
                    throw BenchError("spin-random received \(String(describing: total)), not \(16 * count) bytes")
                }
            }
        }

        let fileAudit = AuditLog()
        let withFile = try spin(audit: fileAudit)
        let fileCall = try CallExpression("spin-clock(\(count))", in: withFile.component)
        var run = 0
        let fileRate = try callsPerSecond {
            // A fresh file per run keeps the runs alike and the disk use bounded.
            run += 1
            let path = "/tmp/wasmsh-bench-wasi-\(getpid())-\(run).jsonl"
            let sink = try JSONLinesAuditSink(path: path)
            fileAudit.add(sink)
            defer {
                fileAudit.remove(sink)
                unlink(path)
            }
            let elapsed = try timed {
                try expectClock(withFile.component.call(fileCall.export, fileCall.arguments))
                try fileAudit.flush()
            }
            let lines = try ComponentFile.read(path).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            guard lines == 2 * count else {
                throw BenchError("the JSONL audit has \(lines) lines, expected \(2 * count)")
            }
            return elapsed
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

    /// The median over `runs` export calls, after one untimed one.
    private func callsPerSecond(_ exportCall: () throws -> UInt64) throws -> Double {
        _ = try exportCall()
        var seconds: [Double] = []
        for _ in 0..<max(1, runs) { seconds.append(Double(try exportCall()) / 1e9) }
        return Double(callsPerExportCall) / Sampler.median(seconds)
    }

    private func timed(_ body: () throws -> Void) rethrows -> UInt64 {
        let start = MonotonicClock.nanoseconds()
        try body()
        return MonotonicClock.nanoseconds() - start
    }
}
