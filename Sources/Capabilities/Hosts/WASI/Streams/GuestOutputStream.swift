import WasmRuntime

/// Standard output or error of a WASI guest: what it writes goes to the session's `GuestOutput`
/// when the component holds the grant of `wasi:cli/stdout` (or `stderr`), and is dropped
/// otherwise, the first refusal saying which grant to give.
final class GuestOutputStream: OutputStreamObject {
    let stream: GuestStream
    /// The capability, as the component imports it (`wasi:cli/stdout@0.2.12`).
    let capability: String
    let component: String
    private weak var state: HostState?

    init(stream: GuestStream, capability: String, component: String, state: HostState) {
        self.stream = stream
        self.capability = capability
        self.component = component
        self.state = state
    }

    var origin: String { "get-\(stream.rawValue)" }
    var channel: String { stream.rawValue }

    /// As the wasmtime CLI's standard output: a write may carry up to 64 KiB at a time.
    static let writeBudget: UInt64 = 65536

    func checkWrite() -> Result<UInt64, StreamError> { .success(Self.writeBudget) }

    func write(_ bytes: [UInt8]) -> Result<Void, StreamError> {
        state?.output.write(bytes, to: stream)
        return .success(())
    }

    func flush() -> Result<Void, StreamError> { .success(()) }

    func blockingFlush(interruption: CallInterruption?) -> Result<Void, StreamError> { .success(()) }

    var readiness: PollReadiness { .ready }

    var authority: HostAuthority {
        .inherited(
            interface: capability, function: origin, request: .none, origin: origin,
            hint: "\(component) wrote to \(stream.rawValue), which it may not: grant \(component) \(stream.rawValue)")
    }

    var droppedWhenRefused: Bool { true }
}
