import WasmRuntime

/// The output stream of a TCP connection: writes need the grant that allowed the connection.
/// A refused write fails (it is not dropped quietly, as standard output's are).
final class TCPOutputStream: OutputStreamObject {
    private var connection: TCPConnection?
    let origin: String
    let authority: HostAuthority

    init(_ connection: TCPConnection, origin: String, authority: HostAuthority) {
        self.connection = connection
        self.origin = origin
        self.authority = authority
    }

    func checkWrite() -> Result<UInt64, StreamError> { connection?.checkWrite() ?? .failure(.closed) }

    func write(_ bytes: [UInt8]) -> Result<Void, StreamError> { connection?.write(bytes) ?? .failure(.closed) }

    func flush() -> Result<Void, StreamError> { connection?.flush() ?? .failure(.closed) }

    func blockingFlush(interruption: CallInterruption?) throws -> Result<Void, StreamError> {
        try connection?.blockingFlush(interruption: interruption) ?? .failure(.closed)
    }

    var readiness: PollReadiness { connection?.writeReadiness ?? .ready }

    var droppedWhenRefused: Bool { false }

    func release() {
        connection?.abandonSending()
        connection = nil
    }
}
