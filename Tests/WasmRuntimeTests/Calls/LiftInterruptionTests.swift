import Testing
import WasmComponent

@testable import WasmRuntime

/// Lifting a result is host work no guest instruction checks: it looks for Ctrl-C and the time
/// limit itself, before its first value and then every megabyte of lifted values
/// (`GuestContext.interruptCheckBytes`).
@Suite("Stopping a call while its result is lifted")
struct LiftInterruptionTests {
    /// values.wasm whose host `echo-bytes` returns its argument, having asked the running call
    /// to stop as Ctrl-C would when `stopping` (the host-side request alone: the guest runs on
    /// to its return, and only lifting can see it).
    static func values(stopping: Bool) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: try fixtureBytes("values"), name: "values", providedInterfaces: ["test:values/host"],
            limits: ComponentLimits(liftBytesPerCall: 1 << 30),
            hostCall: { context, arguments in
                if stopping, context.function == "echo-bytes" { context.interruption?.request() }
                return arguments.first
            })
    }

    static let bytes = ComponentValue.list((0..<100_000).map { .u8(UInt8(truncatingIfNeeded: $0)) })

    @Test("a call stopped by the time its result is lifted fails saying so, and the instance is done")
    func stoppedWhileLifting() throws {
        let values = try Self.values(stopping: true)
        let export = try values.resolve("via-host.echo-bytes")
        let stopped = #expect(throws: GuestInterrupted.self) { try values.call(export, [Self.bytes]) }
        #expect(stopped?.reason == "the call was stopped (Ctrl-C) while its result was lifted")
        // Its post-return function never ran: the instance cannot be called again.
        let refused = #expect(throws: InstanceUnusable.self) { try values.call(export, [.list([])]) }
        #expect(refused.map { "\($0)" }?.contains("the call was stopped (Ctrl-C) while its result was lifted") == true)
    }

    @Test("a call nobody stops lifts its whole result, 2.4 MB of values")
    func unstoppedCallReturns() throws {
        let values = try Self.values(stopping: false)
        #expect(try values.call(try values.resolve("via-host.echo-bytes"), [Self.bytes]) == Self.bytes)
    }
}
