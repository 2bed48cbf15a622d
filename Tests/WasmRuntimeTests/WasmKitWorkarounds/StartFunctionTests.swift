import Foundation
import Testing
import WasmComponent
import WasmKit
import WasmRuntime

@Suite("Start functions run where they can be stopped")
struct StartFunctionTests {
    private func load(
        _ name: String, limits: ComponentLimits = .default, debuggable: Bool = false,
        interrupts: InterruptBroadcaster? = nil
    ) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: try InterruptFixtures.bytes(name), name: name, providedInterfaces: [], limits: limits,
            debuggable: debuggable, interrupts: interrupts, hostCall: { _, _ in nil })
    }

    @Test("the start section becomes an export, and the start function runs once, before any call")
    func runsOnceBeforeCalls() throws {
        let module = try #require(try ComponentCoreModules.extract(from: InterruptFixtures.bytes("start")).first)
        // Instantiating the rewritten module no longer runs the start function; its export does.
        let instance = try InterruptFixtures.instantiate(try CoreModuleInstrumenter().instrument(module))
        #expect(try InterruptFixtures.call(instance, "answer") == [.i32(0)])
        _ = try InterruptFixtures.call(instance, CoreModuleInstrumenter.startExportName)
        #expect(try InterruptFixtures.call(instance, "answer") == [.i32(42)])
        for debuggable in [false, true] {
            let component = try load("start", debuggable: debuggable)
            #expect(try component.call(try component.resolve("answer"), []) == .u32(42))
            #expect(try component.call(try component.resolve("answer"), []) == .u32(42))
        }
    }

    @Test("a start function that never returns is stopped by the time limit, failing the load")
    func timeLimitStopsIt() {
        let start = ContinuousClock.now
        #expect {
            _ = try load("start-forever", limits: ComponentLimits(callSeconds: 0.3))
        } throws: { error in
            "\(error)".contains("a start function ran longer than its 0.3 s time limit; the load was stopped")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("Ctrl-C (the session's interrupt broadcaster) stops a start function that never returns")
    func interruptStopsIt() {
        let interrupts = InterruptBroadcaster()
        let stopper = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            interrupts.interruptAll()
        }
        stopper.start()
        #expect {
            _ = try load("start-forever", interrupts: interrupts)
        } throws: { error in
            "\(error)".contains("a start function was stopped (Ctrl-C); the load was stopped")
        }
    }
}
