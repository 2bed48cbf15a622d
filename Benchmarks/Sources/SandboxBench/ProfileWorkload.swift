import Capabilities
import WasmComponent
import WasmKit
import WasmRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One workload run a fixed number of times with no timing, for `valgrind --tool=callgrind`:
///
///     valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*profiledLoop*' \
///         sandbox-bench --root . profile host-memory 2000
///
/// Set-up stays outside `profiledLoop`, so the instruction counts are the workload's alone.
struct ProfileWorkload {
    enum Name: String, CaseIterable {
        case callAdd = "call-add", callString = "call-string", callRecord = "call-record", waveAdd = "wave-add"
        case hostMemory = "host-memory", hostJSONL = "host-jsonl", hostGate = "host-gate", hostBare = "host-bare"
        case wasiClock = "wasi-clock", wasiClockJSONL = "wasi-clock-jsonl", wasiRandom = "wasi-random"
        case loadValues = "load-values", loadTrusted = "load-trusted"
        case coreAdd = "core-add", coreSpin = "core-spin", coreSpinChecked = "core-spin-checked"
    }

    let files: FixtureFiles
    let name: Name
    let count: Int

    static func parse(_ arguments: [String], files: FixtureFiles) throws -> ProfileWorkload {
        let names = Name.allCases.map(\.rawValue).joined(separator: " ")
        guard arguments.count == 2, let name = Name(rawValue: arguments[0]), let count = Int(arguments[1]), count >= 0
        else {
            throw BenchError("usage: sandbox-bench --root REPOSITORY profile WORKLOAD COUNT\nworkloads: \(names)")
        }
        return ProfileWorkload(files: files, name: name, count: count)
    }

    func run() throws {
        switch name {
        case .callAdd, .callString, .callRecord:
            let values = try LoadedComponent(
                bytes: try files.bytes(of: "values"), name: "values", providedInterfaces: [],
                hostCall: { _, arguments in arguments.first })
            let (target, arguments): (String, [ComponentValue]) =
                switch name {
                case .callAdd: ("add", [.u32(1), .u32(2)])
                case .callString: ("echo.echo-string", [.string(String(repeating: "0123456789abcdef", count: 64))])
                default:
                    (
                        "echo.echo-point",
                        [.record([.init(name: "x", value: .s32(-7)), .init(name: "y", value: .s32(42))])]
                    )
                }
            let export = try values.resolve(target)
            try profiledLoop { blackHole(try values.call(export, arguments)) }
        case .waveAdd:
            let values = try SandboxedComponent(
                bytes: try files.bytes(of: "values"), name: "values",
                environment: try SandboxEnvironment(root: files.root))
            try profiledLoop { blackHole(try values.call("add(1, 2)")) }
        case .hostMemory, .hostJSONL, .hostGate, .hostBare:
            try hostCalls()
        case .wasiClock, .wasiClockJSONL, .wasiRandom:
            try wasiHostCalls()
        case .coreAdd:
            let add = try RawCoreFunction(exported: "add", fromComponent: try files.bytes(of: "values")).function
            try profiledLoop { blackHole(try add.invoke([.i32(1), .i32(2)])) }
        case .coreSpin, .coreSpinChecked:
            // COUNT is spin's iteration count here; one call.
            var module = try RawCoreFunction.coreModule(
                exporting: "spin", fromComponent: try files.bytes(of: "compute"))
            if name == .coreSpinChecked { module = try CoreModuleInstrumenter().instrument(module) }
            let spin = try RawCoreFunction(exported: "spin", coreModule: module).function
            try profiledLoop(times: 1) { blackHole(try spin.invoke([.i64(UInt64(count))])) }
        case .loadValues, .loadTrusted:
            let component = name == .loadValues ? "values" : "trusted"
            let bytes = try files.bytes(of: component)
            let environment = try SandboxEnvironment(root: files.root)
            try profiledLoop {
                blackHole(try SandboxedComponent(bytes: bytes, name: component, environment: environment))
            }
        }
    }

    /// One `read-many("./demo.txt", count)`: `count` host calls inside one export call.
    private func hostCalls() throws {
        let bytes = try files.bytes(of: "busy")
        let expression = #"read-many("./demo.txt", \#(count))"#
        if name == .hostBare {
            let busy = try LoadedComponent(
                bytes: bytes, name: "busy", providedInterfaces: ["sandbox:skill/filesystem"],
                hostCall: { _, _ in .result(.ok(.string("x"))) })
            let call = try CallExpression(expression, in: busy)
            try profiledLoop(times: 1) { blackHole(try busy.call(call.export, call.arguments)) }
            return
        }
        let audit = AuditLog()
        let path = "/tmp/wasmsh-profile-\(getpid()).jsonl"
        if name == .hostJSONL { audit.add(try JSONLinesAuditSink(path: path)) }
        defer { if name == .hostJSONL { unlink(path) } }
        // The gate row reads from memory: the same host, policy and audit, no file I/O.
        let environment =
            name == .hostGate
            ? SandboxEnvironment(
                fileSystem: InMemoryFileSystem(root: files.root, files: ["demo.txt": "x"]), audit: audit)
            : try SandboxEnvironment(root: files.root, audit: audit)
        let busy = try SandboxedComponent(
            bytes: bytes, name: "busy", environment: environment,
            policy: PolicySetup(grants: [GrantRequest("filesystem", scopes: ["./demo.txt"])]))
        let call = try CallExpression(expression, in: busy.component)
        try profiledLoop(times: 1) { blackHole(try busy.component.call(call.export, call.arguments)) }
    }

    /// One `spin-clock(count)` or `spin-random(count)` of spin.wasm: `count` WASI host calls
    /// without I/O inside one export call.
    private func wasiHostCalls() throws {
        let audit = AuditLog()
        let path = "/tmp/wasmsh-profile-wasi-\(getpid()).jsonl"
        if name == .wasiClockJSONL { audit.add(try JSONLinesAuditSink(path: path)) }
        defer { if name == .wasiClockJSONL { unlink(path) } }
        let spin = try SandboxedComponent(
            bytes: try files.bytes(of: "wasi/spin"), name: "spin",
            environment: try SandboxEnvironment(root: files.root, audit: audit),
            policy: PolicySetup(grants: [GrantRequest("random")]))
        let call = try CallExpression(
            name == .wasiRandom ? "spin-random(\(count))" : "spin-clock(\(count))", in: spin.component)
        try profiledLoop(times: 1) { blackHole(try spin.component.call(call.export, call.arguments)) }
    }

    /// The only code callgrind counts (see the type's comment); never inlined so that its name
    /// stays in the binary.
    @inline(never)
    private func profiledLoop(times: Int? = nil, _ body: () throws -> Void) throws {
        for _ in 0..<(times ?? count) { try body() }
    }
}
