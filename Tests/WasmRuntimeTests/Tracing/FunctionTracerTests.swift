import Testing
import WasmComponent
import WasmRuntime

@Suite("Function stepping through WasmKit's interceptor")
struct FunctionTracerTests {
    private func debuggable(_ name: String) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: try fixtureBytes(name), name: name, providedInterfaces: [], debuggable: true,
            hostCall: referenceHost(for: name))
    }

    @Test("a stepped call reports each wasm function entry and exit with its name and depth")
    func reportsEntriesAndExits() throws {
        let malicious = try debuggable("malicious")
        var events: [FunctionEvent] = []
        malicious.functionObserver = { events.append($0) }
        _ = try malicious.call(try malicious.resolve("run"), [])
        malicious.functionObserver = nil
        let entries = events.compactMap { if case .entering(let f, let d) = $0 { "\(d) \(f)" } else { nil } }
        #expect(entries.first == "1 skill_run")
        #expect(entries.contains("2 text_init"))
        // Every entry has its exit; after the export's function, the host runs its post-return.
        #expect(events.count == 2 * entries.count)
        #expect(events.contains(.leaving(events[0].function, depth: 1)))
        #expect(events.last?.function.name == "skill_run_post_return")
        #expect(events.last?.depth == 1)
        #expect(malicious.functionStack.isEmpty)
    }

    @Test("the shadow stack holds the wasm frames of the running call, outermost first")
    func shadowStackDuringTheCall() throws {
        let compute = try debuggable("compute")
        var deepest: [String] = []
        var consistent = true
        compute.functionObserver = { [unowned compute] event in
            let stack = compute.functionStack
            if case .entering = event, stack.count != event.depth || stack.last != event.function { consistent = false }
            if case .leaving = event, stack.count != event.depth || stack.last != event.function { consistent = false }
            if stack.count > deepest.count { deepest = stack.map(\.description) }
        }
        _ = try compute.call(try compute.resolve("recurse"), [.u32(6)])
        #expect(consistent)
        // clang inlines the first level into `recurse`; the other six are real calls.
        #expect(deepest == ["recurse"] + Array(repeating: "recurse_level", count: 6))
    }

    @Test("functions are named from the name section, with their module and index")
    func namesEveryFunction() throws {
        let compute = try debuggable("compute")
        let names = compute.functionNames
        let fib = try #require(names.first { $0.name == "fib" })
        #expect(fib.detailedDescription == "fib (module \(fib.module) function \(fib.index))")
        #expect(Set(names).count == names.count)
    }

    @Test("a component not loaded for debugging reports nothing and names nothing")
    func notDebuggableReportsNothing() throws {
        let compute = try loadFixture("compute")
        var events = 0
        compute.functionObserver = { _ in events += 1 }
        _ = try compute.call(try compute.resolve("recurse"), [.u32(3)])
        #expect(events == 0)
        #expect(!compute.isDebuggable)
        #expect(compute.functionNames.isEmpty)
    }

    @Test("aborting at a function pause ends the call with the place and poisons the instance")
    func abortAtAFunctionPause() throws {
        let compute = try debuggable("compute")
        compute.functionObserver = { [unowned compute] event in
            if case .entering(let function, 3) = event { compute.abortRunningCall(at: "entering \(function)") }
        }
        #expect {
            _ = try compute.call(try compute.resolve("recurse"), [.u32(50)])
        } throws: { error in
            "\(error)" == "call aborted by the user entering recurse_level"
        }
        compute.functionObserver = nil
        #expect(throws: InstanceUnusable.self) { _ = try compute.call(try compute.resolve("fib"), [.u32(3)]) }
    }

    @Test("results are the same with and without the tracer")
    func sameResults() throws {
        let plain = try loadFixture("compute")
        let traced = try debuggable("compute")
        traced.functionObserver = { _ in }
        for n: UInt32 in [0, 1, 10, 90] {
            let expected = try plain.call(try plain.resolve("fib"), [.u32(n)])
            #expect(try traced.call(try traced.resolve("fib"), [.u32(n)]) == expected)
        }
    }
}
