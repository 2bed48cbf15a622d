/// `wasi:sockets/udp.incoming-datagram-stream`: receiving needs the grant of the socket's bind.
final class IncomingDatagramStream: GrantedSocketObject {
    private var socket: UDPSocketObject?
    private let descriptor: SocketDescriptor
    /// The peer the socket was associated with when the stream was made: only its datagrams count.
    private let peer: SocketAddress?
    let authority: HostAuthority
    let origin: String

    /// At most this many datagrams per `receive` (wasmtime's), and about this many bytes.
    static let maximumDatagrams = 16
    static let maximumBytes = 64 * 1024
    /// The largest datagram UDP carries.
    static let maximumDatagramSize = 65535

    init(_ socket: UDPSocketObject, _ descriptor: SocketDescriptor) {
        self.socket = socket
        self.descriptor = descriptor
        peer = socket.remote
        authority = socket.authority
        origin = "stream of \(socket.origin)"
        socket.liveStreams += 1
    }

    func release() {
        socket?.liveStreams -= 1
        socket = nil
    }

    /// Up to `maximum` datagrams waiting now (none when none are), with their senders.
    func receive(_ maximum: UInt64) -> Result<[([UInt8], SocketAddress)], SocketErrorCode> {
        let limit = Int(min(maximum, UInt64(Self.maximumDatagrams)))
        var datagrams: [([UInt8], SocketAddress)] = []
        var total = 0
        while datagrams.count < limit && total < Self.maximumBytes {
            switch SocketCalls.receive(descriptor.fd, maximum: Self.maximumDatagramSize) {
            case .failure(let error) where [EAGAIN, EWOULDBLOCK, EINTR].contains(error.code):
                return .success(datagrams)
            case .failure(let error):
                // wasmtime: once a datagram was received, an error waits for the next call.
                if !datagrams.isEmpty { return .success(datagrams) }
                return .failure(SocketErrorCode(errno: error.code))
            case .success(let (bytes, sender)):
                guard let sender else { continue }
                // The system filters by peer when the datagram arrives, not when it is read.
                if let peer, peer.family != sender.family || peer.bytes != sender.bytes || peer.port != sender.port {
                    continue
                }
                total += 1 + bytes.count
                datagrams.append((bytes, sender))
            }
        }
        return .success(datagrams)
    }

    var readiness: PollReadiness { .descriptor(descriptor.fd, events: Int16(POLLIN)) }
}
