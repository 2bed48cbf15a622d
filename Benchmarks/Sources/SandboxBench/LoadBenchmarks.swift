import Capabilities
import WasmComponent
import WasmRuntime

/// (c) Loading a small component as the shell does: parse, validate, inspect its world, set up its
/// deny-by-default policy and instantiate it (bytes already in memory).
struct LoadBenchmarks {
    let files: FixtureFiles
    let sampler: Sampler

    func run() throws -> [Measurement] {
        let environment = try SandboxEnvironment(root: files.root)
        var measurements: [Measurement] = []
        for name in ["trusted", "values"] {
            let bytes = try files.bytes(of: name)
            let load = try sampler.nanosecondsPerIteration {
                blackHole(try SandboxedComponent(bytes: bytes, name: name, environment: environment))
            }
            let parse = try sampler.nanosecondsPerIteration {
                blackHole(try ComponentInspector.world(of: try ComponentParser.parse(bytes)))
            }
            measurements.append(
                Measurement(metric: "load.\(name)", value: load / 1_000, unit: "µs", note: "\(bytes.count) bytes"))
            measurements.append(
                Measurement(
                    metric: "load.\(name).parse", value: parse / 1_000, unit: "µs", note: "parse + inspect only"))
        }
        return measurements
    }
}
