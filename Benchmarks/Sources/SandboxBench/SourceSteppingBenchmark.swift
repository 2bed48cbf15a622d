import Capabilities
import WasmComponent
import WasmRuntime

/// What source stepping costs (issue 17). debug.wasm's `sum-squares(N)` (C at -O0 with DWARF:
/// about five statements per round, one call) loaded normally; loaded with `--debug` but not
/// stepped (functions run their original code: one check per call); stepped, running the twins
/// with the line probes, unarmed (a stepped call after `continue`, no line breakpoint); and with
/// them armed and no pause (every statement calls the host, as `line`, `next` or `continue` to a
/// line breakpoint do). compute.wasm's `spin(N)` (no DWARF: a probe before every instruction)
/// stepped with the probes unarmed, and armed (`stepi`).
struct SourceSteppingBenchmark {
    let files: FixtureFiles
    let sampler: Sampler
    let rounds: UInt32
    let iterations: UInt64

    func run() throws -> [Measurement] {
        let debug = try files.bytes(of: "debug")
        let plain = try load(debug, "debug", debuggable: false)
        let loaded = try load(debug, "debug", debuggable: true)
        let lineModules = Set(loaded.debugModules.filter { $0.stepping == .lines }.map(\.number))
        let squares = ComponentValue.u32(rounds)
        let squaresPlain = try sampler.microseconds(plain, "sum-squares", squares)
        let squaresIdle = try sampler.microseconds(loaded, "sum-squares", squares)
        var statements = 0
        let squaresStepped = try stepping(loaded, armed: []) {
            try sampler.microseconds(loaded, "sum-squares", squares)
        }
        let squaresLines = try stepping(loaded, armed: lineModules, count: &statements) {
            try sampler.microseconds(loaded, "sum-squares", squares)
        }
        guard statements > 0 else { throw BenchError("the stepped sum-squares reached no statement") }
        var statementsPerCall = 0
        try stepping(loaded, armed: lineModules, count: &statementsPerCall) {
            _ = try loaded.call(try loaded.resolve("sum-squares"), [squares])
        }

        let compute = try load(try files.bytes(of: "compute"), "compute", debuggable: true)
        let spin = ComponentValue.u64(iterations / 100)
        let spinIdle = try sampler.microseconds(compute, "spin", spin)
        let spinStepped = try stepping(compute, armed: []) { try sampler.microseconds(compute, "spin", spin) }
        var instructions = 0
        let spinStepi = try stepping(compute, armed: Set(compute.debugModules.map(\.number)), count: &instructions) {
            try sampler.microseconds(compute, "spin", spin)
        }
        guard instructions > 0 else { throw BenchError("the stepped spin reached no instruction") }
        let perStatement = (squaresLines - squaresStepped) * 1e3 / Double(statementsPerCall)
        return [
            Measurement(metric: "source.squares", value: squaresPlain, unit: "µs/call", note: "sum-squares(\(rounds))"),
            Measurement(
                metric: "source.squares-debug", value: squaresIdle, unit: "µs/call",
                note: "loaded --debug, not stepped: \(Sampler.ratio(squaresIdle, squaresPlain))"),
            Measurement(
                metric: "source.squares-stepped", value: squaresStepped, unit: "µs/call",
                note: "stepped, line probes unarmed: \(Sampler.ratio(squaresStepped, squaresPlain))"),
            Measurement(
                metric: "source.squares-lines", value: squaresLines, unit: "µs/call",
                note: "line probes armed, no pause: \(Sampler.ratio(squaresLines, squaresPlain)); "
                    + "\(statementsPerCall) statements, \(Int(perStatement.rounded())) ns each"),
            Measurement(
                metric: "source.spin-stepped", value: spinStepped, unit: "µs/call",
                note:
                    "spin(\(iterations / 100)) stepped, instruction probes unarmed: \(Sampler.ratio(spinStepped, spinIdle)) "
                    + "of \(Int(spinIdle)) µs loaded --debug"),
            Measurement(
                metric: "source.spin-stepi", value: spinStepi, unit: "µs/call",
                note: "instruction probes armed, no pause: \(Sampler.ratio(spinStepi, spinIdle))"),
        ]
    }

    /// Runs `body` as inside a stepped call: functions run their twins, `armed` modules' probes
    /// call the host, and an observer counts the probes reached.
    private func stepping<T>(
        _ component: LoadedComponent, armed: Set<Int>, count: inout Int, _ body: () throws -> T
    ) throws -> T {
        var reached = 0
        component.functionObserver = { event in if case .reached = event { reached += 1 } }
        component.runProbedCode(true)
        component.armProbes(inModules: armed)
        defer {
            component.armProbes(inModules: [])
            component.runProbedCode(false)
            component.functionObserver = nil
        }
        let result = try body()
        count += reached
        return result
    }

    private func stepping<T>(_ component: LoadedComponent, armed: Set<Int>, _ body: () throws -> T) throws -> T {
        var ignored = 0
        return try stepping(component, armed: armed, count: &ignored, body)
    }

    private func load(_ bytes: [UInt8], _ name: String, debuggable: Bool) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: bytes, name: name, providedInterfaces: [], debuggable: debuggable,
            hostCall: { _, _ in throw BenchError("no host call is expected") })
    }

}
