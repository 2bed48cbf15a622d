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

    /// The probes a call reaches with every module armed, as `LINE` for statements (from the
    /// module's DWARF) or the code offset for instructions.
    private func stops(_ component: LoadedComponent, _ export: String, _ arguments: [ComponentValue]) throws
        -> [(stop: ProbeStop, depth: Int)]
    {
        var stops: [(ProbeStop, Int)] = []
        component.functionObserver = { event in
            if case .reached(let stop, let depth) = event { stops.append((stop, depth)) }
        }
        component.runProbedCode(true)
        component.armProbes(inModules: Set(component.debugModules.map(\.number)))
        defer {
            component.armProbes(inModules: [])
            component.runProbedCode(false)
            component.functionObserver = nil
        }
        _ = try component.call(try component.resolve(export), arguments)
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
}
