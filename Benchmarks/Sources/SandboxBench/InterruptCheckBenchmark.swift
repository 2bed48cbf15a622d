import Capabilities
import WasmKit
import WasmRuntime

/// (f) What the interrupt check costs when no interrupt comes: compute.wasm's core `spin` run by
/// WasmKit as compiled and as `CoreModuleInstrumenter` rewrites it for Ctrl-C and the call time
/// limit (a flag test at every loop header and at the entry of functions that call).
struct InterruptCheckBenchmark {
    let files: FixtureFiles
    let sampler: Sampler
    let iterations: UInt64

    func run() throws -> [Measurement] {
        let original = try RawCoreFunction.coreModule(exporting: "spin", fromComponent: try files.bytes(of: "compute"))
        let instrumented = try CoreModuleInstrumenter().instrument(original)
        let plain = try RawCoreFunction(exported: "spin", coreModule: original).function
        let checked = try RawCoreFunction(exported: "spin", coreModule: instrumented).function
        let arguments: [Value] = [.i64(iterations)]
        guard try plain.invoke(arguments) == checked.invoke(arguments) else {
            throw BenchError("the instrumented spin returns another result")
        }
        // Alternating the two, run by run, keeps slow drift of the machine out of the difference.
        var plainTimes: [Double] = []
        var checkedTimes: [Double] = []
        let once = Sampler(warmup: sampler.warmup, iterations: sampler.iterations, runs: 1)
        for _ in 0..<max(1, sampler.runs) {
            plainTimes.append(try once.nanosecondsPerIteration { blackHole(try plain.invoke(arguments)) })
            checkedTimes.append(try once.nanosecondsPerIteration { blackHole(try checked.invoke(arguments)) })
        }
        let plainTime = Sampler.median(plainTimes)
        let checkedTime = Sampler.median(checkedTimes)
        return [
            Measurement(
                metric: "compute.interrupt", value: (checkedTime / plainTime - 1) * 100, unit: "%",
                note: "core spin(\(iterations)): \(Self.milliseconds(plainTime)) ms plain, "
                    + "\(Self.milliseconds(checkedTime)) ms with interrupt checks")
        ]
    }

    private static func milliseconds(_ nanoseconds: Double) -> String {
        let hundredths = Int((nanoseconds / 1e4).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
