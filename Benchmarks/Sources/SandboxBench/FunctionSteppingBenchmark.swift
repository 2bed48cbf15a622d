import Capabilities
import WasmComponent
import WasmRuntime

/// What function stepping costs (issue 6): compute.wasm's `recurse(N)` (N + 1 wasm calls, the
/// worst case for per-call hooks) and `spin(N)` (one call, a loop), on a component loaded
/// normally, loaded with `--debug` but not stepped (WasmKit's interceptor attached, tracer
/// idle), and stepped with no pause (every entry and exit identified and pushed on the shadow
/// stack, as `continue` to a breakpoint does).
struct FunctionSteppingBenchmark {
    let files: FixtureFiles
    let sampler: Sampler
    let depth: UInt32
    let iterations: UInt64

    func run() throws -> [Measurement] {
        let bytes = try files.bytes(of: "compute")
        let plain = try LoadedComponent(bytes: bytes, name: "compute", providedInterfaces: [], hostCall: noHost)
        let debug = try LoadedComponent(
            bytes: bytes, name: "compute", providedInterfaces: [], debuggable: true, hostCall: noHost)
        let recursePlain = try sampler.microseconds(plain, "recurse", .u32(depth))
        let recurseIdle = try sampler.microseconds(debug, "recurse", .u32(depth))
        let spinPlain = try sampler.microseconds(plain, "spin", .u64(iterations))
        let spinIdle = try sampler.microseconds(debug, "spin", .u64(iterations))
        var events = 0
        debug.functionObserver = { _ in events += 1 }
        let recurseStepped = try sampler.microseconds(debug, "recurse", .u32(depth))
        debug.functionObserver = nil
        guard events > 0 else { throw BenchError("the stepped recurse reported no function events") }
        let calls = "recurse(\(depth))"
        return [
            Measurement(metric: "step.recurse", value: recursePlain, unit: "µs/call", note: calls),
            Measurement(
                metric: "step.recurse-debug", value: recurseIdle, unit: "µs/call",
                note: "loaded --debug, not stepped: \(Sampler.ratio(recurseIdle, recursePlain))"),
            Measurement(
                metric: "step.recurse-stepped", value: recurseStepped, unit: "µs/call",
                note: "stepped, no pause: \(Sampler.ratio(recurseStepped, recursePlain))"),
            Measurement(
                metric: "step.spin-debug", value: spinIdle, unit: "µs/call",
                note:
                    "spin(\(iterations)) loaded --debug: \(Sampler.ratio(spinIdle, spinPlain)) of \(Int(spinPlain)) µs"),
        ]
    }

    private let noHost: (HostCallContext, [ComponentValue]) throws -> ComponentValue? = { _, _ in
        throw BenchError("compute.wasm imports nothing")
    }
}
