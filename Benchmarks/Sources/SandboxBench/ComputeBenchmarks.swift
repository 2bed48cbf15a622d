import Capabilities
import WasmComponent
import WasmRuntime

/// (f) Guest compute and what watching it costs: compute.wasm's `spin(N)` (an LCG loop) without
/// fuel and with fuel metering (one unit per instruction, the budget `limits.fuelPerCall` sets),
/// and the interrupt check (InterruptCheckBenchmark).
struct ComputeBenchmarks {
    let files: FixtureFiles
    let sampler: Sampler
    let iterations: UInt64

    func run() throws -> [Measurement] {
        let bytes = try files.bytes(of: "compute")
        let plain = try spinMilliseconds(bytes, limits: .default)
        let metered = try spinMilliseconds(bytes, limits: ComponentLimits(fuelPerCall: UInt64.max / 2))
        return [
            Measurement(metric: "compute.spin", value: plain, unit: "ms/call", note: "spin(\(iterations))"),
            Measurement(
                metric: "compute.spin-fuel", value: metered, unit: "ms/call",
                note: "fuel metering: +\(Int(((metered / plain - 1) * 100).rounded()))%"),
        ] + (try InterruptCheckBenchmark(files: files, sampler: sampler, iterations: iterations).run())
            + (try FunctionSteppingBenchmark(
                files: files, sampler: sampler, depth: 1_000, iterations: iterations
            ).run())
            + (try SourceSteppingBenchmark(
                files: files, sampler: sampler, rounds: 1_000, iterations: iterations
            ).run())
    }

    private func spinMilliseconds(_ bytes: [UInt8], limits: ComponentLimits) throws -> Double {
        let compute = try LoadedComponent(
            bytes: bytes, name: "compute", providedInterfaces: [], limits: limits,
            hostCall: { _, _ in throw BenchError("compute.wasm imports nothing") })
        let spin = try compute.resolve("spin")
        let arguments: [ComponentValue] = [.u64(iterations)]
        guard case .u64? = try compute.call(spin, arguments) else { throw BenchError("spin did not return a u64") }
        return try sampler.nanosecondsPerIteration { blackHole(try compute.call(spin, arguments)) } / 1e6
    }
}
