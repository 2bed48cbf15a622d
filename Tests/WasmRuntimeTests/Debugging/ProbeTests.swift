import DebugInfo
import Testing
import WasmComponent
import WasmRuntime

@Suite("Source-level probes in components loaded for debugging")
struct ProbeTests {
    private func debuggable(_ name: String) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: try fixtureBytes(name), name: name, providedInterfaces: [], debuggable: true,
            hostCall: referenceHost(for: name))
    }

    /// Runs `body` with `component`'s probed code running and the probes of `modules` armed, then
    /// disarms them and forgets the function observer, whatever `body` does.
    private func withProbes<T>(_ component: LoadedComponent, armed modules: Set<Int>, _ body: () throws -> T) rethrows
        -> T
    {
        component.runProbedCode(true)
        component.armProbes(inModules: modules)
        defer {
            component.armProbes(inModules: [])
            component.runProbedCode(false)
            component.functionObserver = nil
        }
        return try body()
    }

    /// The probes a call reaches with every module armed, as `LINE` for statements (from the
    /// module's DWARF) or the code offset for instructions.
    private func stops(_ component: LoadedComponent, _ export: String, _ arguments: [ComponentValue]) throws
        -> [(stop: ProbeStop, depth: Int)]
    {
        var stops: [(ProbeStop, Int)] = []
        component.functionObserver = { event in
            if case .reached(let stop, let depth) = event { stops.append((stop, depth)) }
        }
        try withProbes(component, armed: Set(component.debugModules.map(\.number))) {
            _ = try component.call(try component.resolve(export), arguments)
        }
        return stops
    }

    @Test("the debug fixture's DWARF module steps by line, its shim by instruction, its code-less fixup by function")
    func steppingKinds() throws {
        let debug = try debuggable("debug")
        let modules = debug.debugModules
        #expect(modules.map(\.number) == [0, 1, 2])
        #expect(modules.map(\.stepping) == [.lines, .instructions, .functions])
        #expect(modules.allSatisfy { $0.notes.isEmpty })
        #expect(modules[0].debugInfo != nil && modules[1].debugInfo == nil)
    }

    @Test("sum-squares(2) reaches its lines in source order, into square and back")
    func linesInOrder() throws {
        let debug = try debuggable("debug")
        let info = try #require(debug.debugModules.first?.debugInfo)
        let lines = try stops(debug, "sum-squares", [.u32(2)]).map { stop, depth in
            "\(depth):\(info.location(at: stop.offset)?.line ?? -1)"
        }
        #expect(
            lines == [
                "1:26", "1:27", "1:28", "1:30", "2:21", "2:22", "1:31", "1:28", "1:30", "2:21", "2:22", "1:31", "1:28",
                "1:33", "1:34",
            ])
    }

    @Test(
        "every statement of the DWARF fixtures has its probe, on an instruction",
        arguments: ["debug", "debug-optimized", "debug-dwarf5"])
    func everyStatement(fixture: String) throws {
        let component = try debuggable(fixture)
        let module = try #require(component.debugModules.first { $0.debugInfo != nil })
        let info = try #require(module.debugInfo)
        #expect(module.stepping == .lines)
        // DWARF puts a function's first line at its local declarations: the probe is on its first instruction.
        let expected = Set(
            info.statements.map { statement in
                let body = info.codeSection.body(containing: statement.address)
                return body?.range.lowerBound == statement.address ? body?.firstInstruction : statement.address
            }.compactMap { $0 })
        #expect(Set(module.probeSites) == expected)
        #expect(module.probeSites.allSatisfy { module.instruction(at: $0) != nil })
    }

    @Test("at line 31 of each round, total and i are read from the running frame")
    func variablesEachRound() throws {
        let debug = try debuggable("debug")
        let info = try #require(debug.debugModules.first?.debugInfo)
        var seen: [String] = []
        debug.functionObserver = { [unowned debug] event in
            guard case .reached(let stop, _) = event, info.location(at: stop.offset)?.line == 31,
                let frame = debug.pausedFrame(at: stop), let scope = info.frames(at: stop.offset).first
            else { return }
            let values = ["i", "total", "squared", "n"].map { name in
                scope.variables.first { $0.name == name }.map {
                    info.renderValue(of: $0, at: stop.offset, frame: frame)
                }
                    ?? "?"
            }
            seen.append(values.joined(separator: " "))
        }
        let result = try withProbes(debug, armed: [0]) { try debug.call(try debug.resolve("sum-squares"), [.u32(3)]) }
        #expect(result == .u32(14))
        #expect(seen == ["1 0 1 3", "2 1 4 3", "3 5 9 3"])
    }

    @Test("-O1: a parameter DWARF keeps in a wasm local is read from the local the probe passed")
    func parameterInLocal() throws {
        let optimized = try debuggable("debug-optimized")
        let info = try #require(optimized.debugModules.first?.debugInfo)
        var seeds: [String] = []
        optimized.functionObserver = { [unowned optimized] event in
            guard case .reached(let stop, _) = event, info.function(containing: stop.offset)?.name == "scalars",
                let frame = optimized.pausedFrame(at: stop),
                let seed = info.frames(at: stop.offset).first?.variables.first(where: { $0.name == "seed" })
            else { return }
            seeds.append(info.renderValue(of: seed, at: stop.offset, frame: frame))
        }
        try withProbes(optimized, armed: [0]) {
            _ = try optimized.call(try optimized.resolve("scalars"), [.s32(-7)])
        }
        #expect(!seeds.isEmpty)
        #expect(seeds.contains("-7"))
        #expect(seeds.allSatisfy { $0 == "-7" || $0 == "<optimized out>" })
    }

    @Test("a recursion's frames are told apart, and each knows the line it called from")
    func recursion() throws {
        let debug = try debuggable("debug")
        let info = try #require(debug.debugModules.first?.debugInfo)
        var deepest: [String] = []
        var serials = Set<Int>()
        debug.functionObserver = { [unowned debug] event in
            guard case .reached(let stop, let depth) = event else { return }
            serials.insert(stop.frame)
            if depth >= deepest.count {
                deepest = debug.wasmFrames.map { frame in
                    let line = frame.position.flatMap { info.location(at: $0)?.line }.map(String.init) ?? "?"
                    return "\(frame.function.description):\(line)"
                }
            }
        }
        let result = try withProbes(debug, armed: [0]) { try debug.call(try debug.resolve("factorial"), [.u32(3)]) }
        #expect(result == .u64(6))
        #expect(serials.count == 3)
        // At the innermost frame's last statement (its closing brace), the outer frames are at their calls.
        #expect(deepest == ["factorial:43", "factorial:43", "factorial:44"])
    }

    @Test("probes fire only while functions run their twins, and only armed")
    func quietUnlessStepping() throws {
        let debug = try debuggable("debug")
        var reached = 0
        debug.functionObserver = { if case .reached = $0 { reached += 1 } }
        debug.armProbes(inModules: [0])
        _ = try debug.call(try debug.resolve("sum-squares"), [.u32(3)])
        #expect(reached == 0)
        debug.armProbes(inModules: [])
        debug.runProbedCode(true)
        _ = try debug.call(try debug.resolve("sum-squares"), [.u32(3)])
        #expect(reached == 0)
        debug.runProbedCode(false)
        debug.functionObserver = nil
    }

    @Test("globals and memory: calls_served counts the calls; reads outside memory are errors")
    func globalsAndMemory() throws {
        let debug = try debuggable("debug")
        let info = try #require(debug.debugModules.first?.debugInfo)
        for _ in 0..<4 { _ = try debug.call(try debug.resolve("factorial"), [.u32(1)]) }
        let reader = try #require(debug.moduleReader(0))
        let calls = try #require(info.globals(named: "calls_served").first)
        #expect(info.renderValue(of: calls, at: CodeOffset(0), frame: reader) == "4")
        #expect(throws: VariableReadError.self) { try reader.memory(at: UInt64.max - 2, count: 8) }
        #expect(throws: VariableReadError.self) { try reader.memory(at: 0, count: PausedFrame.maximumReadBytes + 1) }
        #expect(throws: VariableReadError.self) { try reader.local(0) }
        #expect(try reader.global(0) != .i32(0))  // __stack_pointer
        #expect(throws: VariableReadError.self) { try reader.global(1_000) }
    }
}
