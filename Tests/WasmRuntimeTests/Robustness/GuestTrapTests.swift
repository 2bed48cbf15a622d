import Testing
import WasmComponent
import WasmRuntime

/// Traps of guest code: one line naming the trap, then the guest's functions by name (the
/// fixtures keep their name section), repeated frames collapsed.
@Suite("Guest trap reports")
struct GuestTrapTests {
    /// The trap of calling `expression` on compute.wasm, or on `bytes` (compute.wasm edited).
    static func trap(_ expression: String, in bytes: [UInt8]? = nil, limits: ComponentLimits = .default) throws
        -> GuestTrap?
    {
        let compute = try LoadedComponent(
            bytes: try bytes ?? fixtureBytes("compute"), name: "compute", providedInterfaces: [], limits: limits,
            hostCall: { _, _ in nil })
        let call = try CallExpression(expression, in: compute)
        return #expect(throws: GuestTrap.self) { try compute.call(call.export, call.arguments) }
    }

    @Test(
        "each kind of trap is reported in one line, then where it happened",
        arguments: [
            ("trap-unreachable()", "trap: unreachable instruction executed\n  at trap_unreachable"),
            ("divide(1, 0)", "trap: integer divide by zero\n  at divide"),
            ("divide(-2147483648, -1)", "trap: integer overflow\n  at divide"),
            ("out-of-bounds()", "trap: out of bounds memory access\n  at out_of_bounds"),
        ])
    func trapReports(expression: String, report: String) throws {
        let trap = try Self.trap(expression)
        #expect(trap?.description == report)
    }

    @Test("in a stepped call of a component loaded for debugging, the report is the same (twins do not show)")
    func steppedTrap() throws {
        let compute = try LoadedComponent(
            bytes: try fixtureBytes("compute"), name: "compute", providedInterfaces: [], debuggable: true,
            hostCall: { _, _ in nil })
        compute.runProbedCode(true)
        let call = try CallExpression("divide(1, 0)", in: compute)
        let trap = #expect(throws: GuestTrap.self) { try compute.call(call.export, call.arguments) }
        #expect(trap?.description == "trap: integer divide by zero\n  at divide")
    }

    @Test("stack exhaustion collapses thousands of frames of the recursing function into one line")
    func stackExhaustion() throws {
        let trap = try #require(try Self.trap("recurse(4294967295)"))
        let lines = trap.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first == "trap: call stack exhausted")
        #expect(lines.dropFirst().first == "  at recurse_level")
        #expect(lines.last == "  at recurse")
        let repeated = trap.frames.filter { $0 == "recurse_level" }.count
        #expect(repeated > 1_000)
        // `  ... 8,189 more frames of recurse_level`, the count with grouped thousands.
        let summary = lines.dropFirst(2).first ?? ""
        #expect(summary.hasPrefix("  ... ") && summary.hasSuffix(" more frames of recurse_level"), "\(summary)")
        #expect(summary.filter(\.isNumber) == String(repeated - 1))
        #expect(summary.contains(","))
    }

    @Test("memory.grow beyond the component's memory limit traps, naming the limit")
    func memoryLimit() throws {
        let trap = try Self.trap("grow(100)", limits: ComponentLimits(memoryBytes: 1 << 20))
        #expect(
            trap?.description
                == "trap: memory limit exceeded: growing a linear memory to 6.375 MiB exceeds the component's limit of 1 MiB"
        )
    }

    @Test("the default memory limit is 256 MiB; growing beyond the 4 GiB of wasm32 still answers -1")
    func defaultMemoryLimit() throws {
        let trap = try Self.trap("grow(5000)")
        #expect(trap?.description.contains("exceeds the component's limit of 256 MiB") == true)
        let compute = try loadFixture("compute")
        let call = try CallExpression("grow(65536)", in: compute)
        #expect(try compute.call(call.export, call.arguments) == .s32(-1))
    }

    @Test("a memory declared larger than the limit fails the load")
    func declaredMemoryOverLimit() throws {
        let error = #expect(throws: (any Error).self) {
            try LoadedComponent(
                bytes: try fixtureBytes("compute"), name: "compute", providedInterfaces: [],
                limits: ComponentLimits(memoryBytes: 64 << 10), hostCall: { _, _ in nil })
        }
        #expect("\(error!)".contains("exceeds the component's limit of 64 KiB"), "\(error!)")
    }

    @Test("a call out of fuel traps; each call gets a fresh budget")
    func outOfFuel() throws {
        func load() throws -> LoadedComponent {
            try LoadedComponent(
                bytes: try fixtureBytes("compute"), name: "compute", providedInterfaces: [],
                limits: ComponentLimits(fuelPerCall: 1_000_000), hostCall: { _, _ in nil })
        }
        let compute = try load()
        let fib = try CallExpression("fib(50)", in: compute)
        for _ in 0..<3 { #expect(try compute.call(fib.export, fib.arguments) == .u64(12_586_269_025)) }
        let forever = try CallExpression("forever()", in: compute)
        let trap = #expect(throws: GuestTrap.self) { try compute.call(forever.export, forever.arguments) }
        #expect(trap?.description == "trap: out of fuel\n  at forever")
        let fresh = try load()
        #expect(try fresh.call(fib.export, fib.arguments) == .u64(12_586_269_025))
    }

    @Test(
        "a trap poisons the instance, later calls are refused with a clear message, and others are untouched",
        arguments: ["trap-unreachable()", "divide(1, 0)", "out-of-bounds()", "recurse(4294967295)"])
    func poisonsOnTrap(expression: String) throws {
        let trapping = try loadFixture("compute")
        let bystander = try loadFixture("compute")
        let call = try CallExpression(expression, in: trapping)
        let trap = #expect(throws: GuestTrap.self) { try trapping.call(call.export, call.arguments) }
        let fib = try CallExpression("fib(10)", in: trapping)
        let refusal = #expect(throws: InstanceUnusable.self) { try trapping.call(fib.export, fib.arguments) }
        #expect(
            refusal?.description
                == "compute cannot be called: it trapped (\(trap?.reason ?? "?"))")
        #expect(try bystander.call(fib.export, fib.arguments) == .u64(55))
    }

    @Test("a report prints at most 16 frame lines and counts the rest")
    func longBacktraces() {
        let alternating = (0..<40).map { $0 % 2 == 0 ? "ping" : "pong" }
        let lines = GuestTrap(reason: "unreachable instruction executed", frames: alternating).description
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 18)
        #expect(lines.last == "  ... 24 more frames")
        let twice = GuestTrap(reason: "x", frames: ["a", "a", "b"]).description
        #expect(twice == "trap: x\n  at a\n  at a\n  at b")
        let thrice = GuestTrap(reason: "x", frames: ["a", "a", "a", "b", "c"]).description
        #expect(thrice == "trap: x\n  at a\n  ... 2 more frames of a\n  at b\n  at c")
        let oneLeft = GuestTrap(reason: "x", frames: (0..<17).map { "f\($0)" }).description
        #expect(oneLeft.hasSuffix("\n  at f15\n  ... 1 more frame"))
    }
}
