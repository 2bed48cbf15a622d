import WasmRuntime

/// A `get-stdin` stream: reads the run's `GuestInput`, or is closed at once when the run was
/// given none.
final class StandardInputStream: InputStreamObject {
    private let input: GuestInput?

    init(_ input: GuestInput?) {
        self.input = input
    }

    var origin: String { input?.origin ?? "get-stdin (closed)" }
    var channel: String { "stdin" }

    var authority: HostAuthority { input?.authority ?? .none(basis: "a closed standard input") }

    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        input?.read(maximum) ?? .failure(.closed)
    }

    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError> {
        try input?.blockingRead(maximum, interruption: interruption) ?? .failure(.closed)
    }

    var readiness: PollReadiness { input?.readiness ?? .ready }
}
