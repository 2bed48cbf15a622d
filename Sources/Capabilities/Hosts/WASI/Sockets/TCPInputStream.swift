import WasmRuntime

/// The input stream of a TCP connection: reads need the grant that allowed the connection (the
/// connect, or the bind of the listener that accepted it).
final class TCPInputStream: InputStreamObject {
    private var connection: TCPConnection?
    let origin: String
    let authority: HostAuthority

    init(_ connection: TCPConnection, origin: String, authority: HostAuthority) {
        self.connection = connection
        self.origin = origin
        self.authority = authority
    }

    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        connection?.read(maximum) ?? .failure(.closed)
    }

    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError> {
        try connection?.blockingRead(maximum, interruption: interruption) ?? .failure(.closed)
    }

    var readiness: PollReadiness { connection?.readReadiness ?? .ready }

    func release() { connection = nil }
}
