import Capabilities
import WasmComponent
import WasmRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// (c) The 18 MB componentize-py component (components/large/build.sh): time to its WIT (parse,
/// inspect, print), to an instance, and to the end of its first call. The component imports
/// WASI, which wasmsh does not provide: instantiation succeeds, and the first call traps when
/// the guest reaches a WASI import; the time to that trap is reported, with the trap.
struct LargeComponentBenchmarks {
    let files: FixtureFiles
    let runs: Int

    func run() throws -> [Measurement] {
        let path = files.largeComponentPath
        guard access(path, R_OK) == 0 else {
            let note = "components/large/large.wasm is not built (components/large/build.sh)"
            return ["large.wit", "large.instantiate", "large.first-call"].map {
                Measurement(metric: $0, value: nil, unit: "ms", note: note)
            }
        }
        let bytes = try ComponentFile.read(path)
        let environment = try SandboxEnvironment(root: files.root)
        var wit: [Double] = []
        var instantiated: [Double] = []
        var firstCall: [Double] = []
        var callOutcome = ""
        for _ in 0..<max(1, runs) {
            var start = MonotonicClock.nanoseconds()
            let text = WITPrinter.print(try ComponentInspector.world(of: try ComponentParser.parse(bytes)))
            wit.append(milliseconds(since: start))
            guard text.contains("run: func(name: string) -> string") else {
                throw BenchError("large.wasm's WIT has no run function")
            }

            start = MonotonicClock.nanoseconds()
            let large = try SandboxedComponent(bytes: bytes, name: "large", environment: environment)
            instantiated.append(milliseconds(since: start))
            do {
                let (export, result) = try large.call(#"run("bench")"#)
                callOutcome = "returned " + (CallExpression.format(result, of: export) ?? "nothing")
            } catch {
                callOutcome =
                    "traps: " + (String(describing: error).split(separator: "\n").first.map(String.init) ?? "")
            }
            firstCall.append(milliseconds(since: start))
        }
        let size = "\(bytes.count / 1_000_000) MB"
        return [
            Measurement(
                metric: "large.wit", value: Sampler.median(wit), unit: "ms", note: "\(size): parse + inspect + print"),
            Measurement(
                metric: "large.instantiate", value: Sampler.median(instantiated), unit: "ms",
                note: "parse + instantiate"),
            Measurement(metric: "large.first-call", value: Sampler.median(firstCall), unit: "ms", note: callOutcome),
        ]
    }

    private func milliseconds(since start: UInt64) -> Double {
        Double(MonotonicClock.nanoseconds() - start) / 1e6
    }
}
