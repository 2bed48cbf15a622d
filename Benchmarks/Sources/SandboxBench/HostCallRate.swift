import Capabilities
import WasmRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the host-call benchmarks time an export call that makes `callsPerExportCall` host calls:
/// the median over `runs`, after one untimed call; each run times itself, so that setting up
/// and checking it stays out of the figure.
struct HostCallRate {
    let callsPerExportCall: Int
    let runs: Int

    func callsPerSecond(_ exportCall: () throws -> UInt64) throws -> Double {
        _ = try exportCall()
        var seconds: [Double] = []
        for _ in 0..<max(1, runs) { seconds.append(Double(try exportCall()) / 1e9) }
        return Double(callsPerExportCall) / Sampler.median(seconds)
    }

    static func timed(_ body: () throws -> Void) rethrows -> UInt64 {
        let start = MonotonicClock.nanoseconds()
        try body()
        return MonotonicClock.nanoseconds() - start
    }

    /// Host calls per second with `audit` also writing to a JSONL file: a fresh file per run
    /// (the runs stay alike, the disk use bounded), flushed inside the timing, and checked to
    /// hold a `decided` and a `finished` record per host call.
    func callsPerSecond(writingJSONLFrom audit: AuditLog, named name: String, _ exportCall: () throws -> Void)
        throws -> Double
    {
        var run = 0
        return try callsPerSecond {
            run += 1
            let path = "/tmp/wasmsh-bench-\(name)-\(getpid())-\(run).jsonl"
            let sink = try JSONLinesAuditSink(path: path)
            audit.add(sink)
            defer {
                audit.remove(sink)
                unlink(path)
            }
            let elapsed = try Self.timed {
                try exportCall()
                try audit.flush()
            }
            let lines = try ComponentFile.read(path).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            guard lines == 2 * callsPerExportCall else {
                throw BenchError("the JSONL audit has \(lines) lines, expected \(2 * callsPerExportCall)")
            }
            return elapsed
        }
    }
}
