/// A `wasi:sockets/udp.udp-socket`: a non-blocking system socket, bound explicitly (WASI 0.2
/// has no implicit bind), optionally associated with one peer by `stream`; the checks and
/// error codes are wasmtime's p2 host's.
final class UDPSocketObject: SocketWithOptions {
    let family: SocketFamily
    /// nil once the guest dropped the socket (its streams keep their own reference).
    private(set) var descriptor: SocketDescriptor?
    private var bindInProgress = false
    private var knownBound = false
    /// The peer `stream` associated the socket with.
    private(set) var remote: SocketAddress?
    /// Datagram streams not dropped yet: while there are, the socket cannot change.
    var liveStreams = 0
    /// Before a bind, any UDP grant; after, the bind's.
    private(set) var authority: HostAuthority
    private(set) var origin = "create-udp-socket"

    init(_ descriptor: SocketDescriptor, family: SocketFamily, udpInterface: String) {
        self.descriptor = descriptor
        self.family = family
        authority = .inherited(
            interface: udpInterface, function: "create-udp-socket", request: .anyGrant, origin: "create-udp-socket")
    }

    func release() { descriptor = nil }

    /// The descriptor option calls work on.
    var optionDescriptor: Result<Int32, SocketErrorCode> {
        descriptor.map { .success($0.fd) } ?? .failure(.invalidState)
    }

    var isBound: Bool {
        if !knownBound, let descriptor, case .success(let local) = SocketCalls.localAddress(descriptor.fd) {
            knownBound = local != .unspecified(family)
        }
        return knownBound
    }

    func startBind(_ address: SocketAddress, _ call: WASICall) -> Result<Void, SocketErrorCode> {
        if bindInProgress { return .failure(.concurrencyConflict) }
        // wasmtime needs the socket to itself: no stream may hold it.
        if liveStreams > 0 { return .failure(.invalidState) }
        if isBound { return .failure(.invalidState) }
        guard address.suits(family) else { return .failure(.invalidArgument) }
        switch optionDescriptor.flatMap({ SocketCalls.bindTo($0, address) }) {
        case .failure(let error): return .failure(error)
        case .success:
            bindInProgress = true
            origin = "start-bind \(address)"
            authority = .inherited(
                interface: call.context.interface, function: call.context.function,
                request: .socket(address.request(.udpBind)), origin: origin)
            return .success(())
        }
    }

    func finishBind() -> Result<Void, SocketErrorCode> {
        guard bindInProgress else { return .failure(.notInProgress) }
        bindInProgress = false
        return .success(())
    }

    /// Associates the socket with `peer` (or dissolves the association when nil), as `stream` does
    /// before it makes the streams.
    func associate(with peer: SocketAddress?) -> Result<Void, SocketErrorCode> {
        guard let descriptor else { return .failure(.invalidState) }
        // In WASI 0.2 a UDP socket is bound before it streams.
        if !isBound { return .failure(.invalidState) }
        if let peer {
            guard peer.suits(family), peer.isValidRemote else { return .failure(.invalidArgument) }
            var code = SocketCalls.startConnect(descriptor.fd, peer)
            #if os(Linux)
                // Linux keeps the old association's route: dissolve it and connect again.
                if code == EINVAL {
                    _ = SocketCalls.disconnect(descriptor.fd)
                    code = SocketCalls.startConnect(descriptor.fd, peer)
                }
            #endif
            updateRemote()
            switch code {
            case 0, EINPROGRESS: return .success(())
            case EAFNOSUPPORT: return .failure(.invalidArgument)
            default: return .failure(SocketErrorCode(errno: code))
            }
        }
        guard remote != nil else { return .success(()) }
        // Linux may forget a wildcard bind's port here; the socket stays bound all the same.
        knownBound = true
        let result = SocketCalls.disconnect(descriptor.fd)
        updateRemote()
        return result
    }

    private func updateRemote() {
        guard let descriptor, case .success(let peer) = SocketCalls.remoteAddress(descriptor.fd),
            peer != .unspecified(family)
        else {
            remote = nil
            return
        }
        remote = peer
    }

    func localAddress() -> Result<SocketAddress, SocketErrorCode> {
        if !isBound { return .failure(.invalidState) }
        return optionDescriptor.flatMap(SocketCalls.localAddress)
    }

    func remoteAddress() -> Result<SocketAddress, SocketErrorCode> {
        remote.map { .success($0) } ?? .failure(.invalidState)
    }
}
