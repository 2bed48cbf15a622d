import Foundation
import Testing
import WasmKit
import WasmRuntime

@Suite("Interrupting a running guest from another thread")
struct InterruptFlagTests {
    /// How long the guest runs before the test interrupts it, and how soon it must stop after.
    static let runBeforeInterrupt = Duration.milliseconds(150)
    static let deadline = Duration.seconds(1)

    /// Starts `function(arguments)` on its own thread, lets it run, requests an interrupt and
    /// checks that the call ended within the deadline with the interrupt's trap, having run
    /// until the request (not refused at once).
    func expectInterrupted(
        _ instance: Instance, _ function: String, _ arguments: [Value] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let flag = try InterruptFlag(instance: instance)
        let box = UncheckedBox(instance)
        let guest = GuestThread { try InterruptFixtures.call(box.value, function, arguments) }
        guard guest.waitUntilStarted(timeout: .seconds(10)) else {
            Issue.record("the guest thread did not start", sourceLocation: sourceLocation)
            return
        }
        Thread.sleep(until: Date().addingTimeInterval(0.150))  // runBeforeInterrupt
        let requestedAt = ContinuousClock.now
        flag.request()
        guard let run = guest.wait(timeout: Self.deadline) else {
            Issue.record(
                "\(function) still running \(Self.deadline) after the interrupt request", sourceLocation: sourceLocation
            )
            return
        }
        #expect(run.ended - requestedAt < Self.deadline, sourceLocation: sourceLocation)
        #expect(
            run.ended - run.started >= Self.runBeforeInterrupt, "stopped before the request",
            sourceLocation: sourceLocation)
        switch run.outcome {
        case .success(let values):
            Issue.record("\(function) returned \(values) instead of being interrupted", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(flag.isInterruption(error), "not the interrupt's trap: \(error)", sourceLocation: sourceLocation)
        }
    }

    func instrumented(_ name: String) throws -> Instance {
        try InterruptFixtures.instantiate(
            try CoreModuleInstrumenter().instrument(try InterruptFixtures.bytes(name)),
            imports: InterruptFixtures.importsHost)
    }

    @Test("an endless loop stops within a second of the request")
    func endlessLoop() throws {
        let instance = try instrumented("loops")
        try expectInterrupted(instance, "forever")
        // The loop ran: its counter moved before the interrupt.
        try InterruptFlag(instance: instance).reset()
        let counter = try InterruptFixtures.call(instance, "counter")
        #expect(counter != [.i32(0)])
    }

    @Test("recursion without loops is stopped by the function-entry checks")
    func deepRecursion() throws {
        try expectInterrupted(try instrumented("loops"), "fib-recursive", [.i32(60)])
    }

    @Test("endless tail calls are stopped by the function-entry checks")
    func tailCalls() throws {
        try expectInterrupted(try instrumented("loops"), "tail-forever", [.i32(0)])
    }

    @Test("a loop that calls the host each round is stopped")
    func loopCallingHost() throws {
        try expectInterrupted(try instrumented("imports"), "tick-forever")
    }

    @Test("the compute component's endless export is stopped")
    func computeForever() throws {
        let instance = try InterruptFixtures.instantiate(
            try CoreModuleInstrumenter().instrument(try InterruptFixtures.computeCoreModule()))
        try expectInterrupted(instance, "forever")
    }

    @Test("after reset the interrupted instance runs calls to completion again")
    func resetRestoresCalls() throws {
        let instance = try instrumented("loops")
        let flag = try InterruptFlag(instance: instance)
        flag.request()
        #expect(flag.isRequested)
        let error = #expect(throws: (any Error).self) { try InterruptFixtures.call(instance, "fib", [.i32(10)]) }
        #expect(error.map(flag.isInterruption) == true)
        flag.reset()
        #expect(!flag.isRequested)
        #expect(try InterruptFixtures.call(instance, "fib", [.i32(10)]) == [.i64(55)])
    }

    @Test("a guest's own unreachable is not taken for an interrupt while the flag is clear")
    func genuineUnreachable() throws {
        let instance = try InterruptFixtures.instantiate(
            try CoreModuleInstrumenter().instrument(try InterruptFixtures.computeCoreModule()))
        let flag = try InterruptFlag(instance: instance)
        let error = #expect(throws: (any Error).self) { try InterruptFixtures.call(instance, "trap-unreachable") }
        #expect(error.map(InterruptFlag.isUnreachableTrap) == true)
        #expect(error.map(flag.isInterruption) == false)
        let divide = #expect(throws: (any Error).self) {
            try InterruptFixtures.call(instance, "divide", [.i32(1), .i32(0)])
        }
        flag.request()
        #expect(divide.map(flag.isInterruption) == false)
    }

    @Test("one flag covers several instances")
    func severalInstances() throws {
        let first = try instrumented("loops")
        let second = try instrumented("simd")
        let flag = try InterruptFlag(instances: [first, second])
        flag.request()
        #expect(throws: (any Error).self) { try InterruptFixtures.call(first, "fib", [.i32(3)]) }
        #expect(throws: (any Error).self) { try InterruptFixtures.call(second, "simd", [.i32(3)]) }
        flag.reset()
        #expect(try InterruptFixtures.call(first, "fib", [.i32(3)]) == [.i64(2)])
    }

    @Test("an instance of an uninstrumented module has no flag")
    func uninstrumented() throws {
        let plain = try InterruptFixtures.instantiate(try InterruptFixtures.bytes("loops"))
        let error = #expect(throws: InterruptFlagError.self) { try InterruptFlag(instance: plain) }
        #expect(error == .missingExport(name: CoreModuleInstrumenter.defaultExportName, instance: 0))
    }
}
