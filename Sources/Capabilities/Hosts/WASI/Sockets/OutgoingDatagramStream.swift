/// `wasi:sockets/udp.outgoing-datagram-stream`: each `send` is allowed for the address of its
/// first datagram, so that every address a guest sends to is on the audit record; a call stops
/// at the first datagram for another address (the guest sends it with its next call).
final class OutgoingDatagramStream: GrantedSocketObject {
    private var socket: UDPSocketObject?
    private let descriptor: SocketDescriptor
    /// The peer the socket was associated with when the stream was made.
    let peer: SocketAddress?
    let family: SocketFamily
    /// Datagrams the last `check-send` permitted.
    private var permit = 0
    let origin: String
    /// What `check-send`, and a send with no datagram, need: the socket's grant.
    let authority: HostAuthority

    init(_ socket: UDPSocketObject, _ descriptor: SocketDescriptor) {
        self.socket = socket
        self.descriptor = descriptor
        peer = socket.remote
        family = socket.family
        authority = socket.authority
        origin = "stream of \(socket.origin)"
        socket.liveStreams += 1
    }

    func release() {
        socket?.liveStreams -= 1
        socket = nil
    }

    /// wasmtime's answer: 16 datagrams whenever the last send is done (here it always is).
    func checkSend() -> UInt64 {
        permit = IncomingDatagramStream.maximumDatagrams
        return UInt64(permit)
    }

    /// Where a datagram goes: its own address, or the peer; nil when it names none or a wrong one.
    func destination(of address: SocketAddress?) -> SocketAddress? {
        guard let address else { return peer }
        guard address.isValidRemote, address.suits(family) else { return nil }
        if let peer, peer != address { return nil }
        return address
    }

    /// Sends what it may of `datagrams` (data, address), all to one destination: the count sent.
    func send(_ datagrams: [([UInt8], SocketAddress?)]) throws -> Result<UInt64, SocketErrorCode> {
        if datagrams.isEmpty { return .success(0) }
        guard datagrams.count <= permit else {
            throw HostError("send was given \(datagrams.count) datagrams, more than check-send permitted (\(permit))")
        }
        permit = 0
        var sent: UInt64 = 0
        var allowed: SocketAddress?
        for (data, address) in datagrams {
            let failure: SocketErrorCode
            if data.count > IncomingDatagramStream.maximumDatagramSize {
                failure = .datagramTooLarge
            } else if let target = destination(of: address) {
                if let allowed, allowed != target { break }
                allowed = target
                switch SocketCalls.transmit(descriptor.fd, data[...], to: target == peer ? nil : target) {
                case .success:
                    sent += 1
                    continue
                case .failure(let error) where [EAGAIN, EWOULDBLOCK].contains(error.code):
                    return .success(sent)
                case .failure(let error):
                    failure = SocketErrorCode(errno: error.code)
                }
            } else {
                failure = .invalidArgument
            }
            // As WASI says: once a datagram went out, the call does not fail.
            return sent > 0 ? .success(sent) : .failure(failure)
        }
        return .success(sent)
    }
}
