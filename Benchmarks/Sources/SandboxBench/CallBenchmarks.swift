import Capabilities
import WasmComponent
import WasmKit
import WasmRuntime

/// (a) Export calls through the whole call path (lower the arguments, run the guest, lift the
/// result, post-return) on values.wasm, and the raw WasmKit core call they are compared with.
struct CallBenchmarks {
    let files: FixtureFiles
    let sampler: Sampler

    func run() throws -> [Measurement] {
        let bytes = try files.bytes(of: "values")
        let values = try LoadedComponent(
            bytes: bytes, name: "values", providedInterfaces: [], hostCall: { _, arguments in arguments.first })

        let add = try values.resolve("add")
        let addArguments: [ComponentValue] = [.u32(1), .u32(2)]
        try expect(values.call(add, addArguments), .u32(3), "add(1, 2)")

        // 1 KiB of ASCII: the same bytes in UTF-8 and in the guest.
        let text = String(repeating: "0123456789abcdef", count: 64)
        let echoString = try values.resolve("echo.echo-string")
        let stringArguments: [ComponentValue] = [.string(text)]
        try expect(values.call(echoString, stringArguments), .string(text), "echo-string")

        let echoPoint = try values.resolve("echo.echo-point")
        let point: ComponentValue = .record([.init(name: "x", value: .s32(-7)), .init(name: "y", value: .s32(42))])
        try expect(values.call(echoPoint, [point]), point, "echo-point")

        let core = try RawCoreFunction(exported: "add", fromComponent: bytes).function
        let coreArguments: [Value] = [.i32(1), .i32(2)]
        guard try core.invoke(coreArguments) == [.i32(3)] else { throw BenchError("core add(1, 2) did not return 3") }

        // The shell's path: WAVE text in, typed call, WAVE text out.
        let sandboxed = try SandboxedComponent(
            bytes: bytes, name: "values", environment: try SandboxEnvironment(root: files.root))
        let (waveExport, waveResult) = try sandboxed.call("add(1, 2)")
        guard CallExpression.format(waveResult, of: waveExport) == "3" else {
            throw BenchError("WAVE add(1, 2) did not print 3")
        }

        return [
            Measurement(
                metric: "call.add", value: try microseconds { blackHole(try values.call(add, addArguments)) },
                unit: "µs/call"),
            Measurement(
                metric: "call.string1k",
                value: try microseconds { blackHole(try values.call(echoString, stringArguments)) },
                unit: "µs/call"),
            Measurement(
                metric: "call.record", value: try microseconds { blackHole(try values.call(echoPoint, [point])) },
                unit: "µs/call"),
            Measurement(
                metric: "call.core-add", value: try microseconds { blackHole(try core.invoke(coreArguments)) },
                unit: "µs/call", note: "WasmKit Function.invoke, same core function"),
            Measurement(
                metric: "call.wave-add",
                value: try microseconds {
                    let (export, result) = try sandboxed.call("add(1, 2)")
                    blackHole(CallExpression.format(result, of: export))
                }, unit: "µs/call", note: "parse WAVE, call, print WAVE"),
        ]
    }

    private func microseconds(_ body: () throws -> Void) throws -> Double {
        try sampler.nanosecondsPerIteration(body) / 1_000
    }

    private func expect(_ actual: ComponentValue?, _ expected: ComponentValue, _ what: String) throws {
        guard actual == expected else { throw BenchError("\(what) returned \(String(describing: actual))") }
    }
}
