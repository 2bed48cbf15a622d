import WasmRuntime

/// A `wasi:sockets/tcp.tcp-socket`: a non-blocking system socket and the state machine of WASI
/// 0.2 around it (start-/finish- pairs, one operation in progress at a time), with the checks
/// and error codes of wasmtime's p2 host, in the same order.
final class TCPSocketObject: SocketWithOptions {
    enum State {
        /// Made by `create-tcp-socket`; maybe bound.
        case unconnected(SocketDescriptor)
        /// `start-connect` ran; `outcome` is the connect's `errno` once known (0: connected).
        case connecting(SocketDescriptor, outcome: Int32?)
        case connected(TCPConnection)
        case listening(SocketDescriptor)
        /// A connect failed (with this code), or the guest dropped the socket.
        case closed(SocketErrorCode)
    }

    enum Operation { case bind, connect, listen }

    let family: SocketFamily
    private(set) var state: State
    private(set) var inProgress: Operation?
    private var backlog: Int32 = TCPSocketObject.defaultBacklog
    private var knownBound: Bool
    /// What calls on the socket need: before a bind or connect, any TCP grant; after, the grant
    /// that allowed the last of them.
    private(set) var authority: HostAuthority
    private(set) var origin: String

    /// The backlog when the guest sets none (Rust's standard library's), and the most it may set.
    static let defaultBacklog: Int32 = 128
    static let maximumBacklog: Int32 = 1024

    /// A new socket (`create-tcp-socket`), allowed by any grant of `tcpInterface`.
    init(_ descriptor: SocketDescriptor, family: SocketFamily, tcpInterface: String) {
        self.family = family
        state = .unconnected(descriptor)
        knownBound = false
        origin = "create-tcp-socket"
        authority = .inherited(
            interface: tcpInterface, function: "create-tcp-socket", request: .anyGrant, origin: "create-tcp-socket")
    }

    /// A connection a listener accepted: it works under the listener's grant.
    init(accepted connection: TCPConnection, family: SocketFamily, authority: HostAuthority, origin: String) {
        self.family = family
        state = .connected(connection)
        knownBound = true
        self.authority = authority
        self.origin = origin
    }

    func release() { state = .closed(.invalidState) }

    /// The grant a successful `start-bind` or `start-connect` used becomes the socket's.
    private func adopt(_ call: WASICall, _ request: SocketRequest, _ address: SocketAddress) {
        origin = "\(call.context.function.split(separator: ".").last ?? "") \(address)"
        authority = .inherited(
            interface: call.context.interface, function: call.context.function, request: .socket(request),
            origin: origin)
    }

    // MARK: Binding and connecting

    var isBound: Bool {
        if !knownBound {
            switch state {
            case .unconnected(let descriptor):
                if case .success(let local) = SocketCalls.localAddress(descriptor.fd) {
                    knownBound = local != .unspecified(family)
                }
            default: knownBound = true
            }
        }
        return knownBound
    }

    func startBind(_ address: SocketAddress, _ call: WASICall) -> Result<Void, SocketErrorCode> {
        if inProgress != nil { return .failure(.concurrencyConflict) }
        if isBound { return .failure(.invalidState) }
        guard case .unconnected(let descriptor) = state else { return .failure(.invalidState) }
        guard !address.isMulticastOrBroadcast, address.suits(family) else { return .failure(.invalidArgument) }
        // As WASI asks: a recently closed socket's TIME_WAIT does not keep the address.
        _ = SocketCalls.setOption(descriptor.fd, SOL_SOCKET, SO_REUSEADDR, 1)
        if case .failure(let error) = SocketCalls.bindTo(descriptor.fd, address) { return .failure(error) }
        inProgress = .bind
        adopt(call, address.request(.tcpBind), address)
        return .success(())
    }

    func finishBind() -> Result<Void, SocketErrorCode> {
        guard inProgress == .bind else { return .failure(.notInProgress) }
        inProgress = nil
        return .success(())
    }

    func startConnect(_ address: SocketAddress, _ call: WASICall) -> Result<Void, SocketErrorCode> {
        if inProgress != nil { return .failure(.concurrencyConflict) }
        guard case .unconnected(let descriptor) = state else { return .failure(.invalidState) }
        guard !address.isMulticastOrBroadcast, address.isValidRemote, address.suits(family) else {
            return .failure(.invalidArgument)
        }
        // As in wasmtime, a connect's failure is what finish-connect reports.
        let code = SocketCalls.startConnect(descriptor.fd, address)
        state = .connecting(descriptor, outcome: code == EINPROGRESS || code == EINTR ? nil : code)
        inProgress = .connect
        adopt(call, address.request(.tcpConnect), address)
        return .success(())
    }

    /// The connection, once made: its streams are the caller's to hand out.
    func finishConnect() -> Result<TCPConnection, SocketErrorCode> {
        guard inProgress == .connect, case .connecting(let descriptor, let known) = state else {
            return .failure(.notInProgress)
        }
        var outcome = known
        if outcome == nil {
            guard SocketCalls.isReady(descriptor.fd, Int16(POLLOUT)) else { return .failure(.wouldBlock) }
            outcome = SocketCalls.pendingError(descriptor.fd)
        }
        inProgress = nil
        if let outcome, outcome != 0 {
            let error = SocketErrorCode(errno: outcome)
            state = .closed(error)
            return .failure(error)
        }
        let connection = TCPConnection(descriptor)
        state = .connected(connection)
        return .success(connection)
    }

    // MARK: Listening

    func startListen() -> Result<Void, SocketErrorCode> {
        if inProgress != nil { return .failure(.concurrencyConflict) }
        // In WASI 0.2 a socket is bound before it listens.
        if !isBound { return .failure(.invalidState) }
        guard case .unconnected(let descriptor) = state else { return .failure(.invalidState) }
        guard listen(descriptor.fd, backlog) == 0 else { return .failure(.ofLastCall) }
        state = .listening(descriptor)
        inProgress = .listen
        return .success(())
    }

    func finishListen() -> Result<Void, SocketErrorCode> {
        guard inProgress == .listen else { return .failure(.notInProgress) }
        inProgress = nil
        return .success(())
    }

    /// The next waiting connection, as a socket that works under this listener's grant.
    func accept() -> Result<TCPSocketObject, SocketErrorCode> {
        guard case .listening(let descriptor) = state else { return .failure(.invalidState) }
        switch SocketCalls.acceptConnection(descriptor.fd) {
        case .failure(let error): return .failure(error)
        case .success(let (client, peer)):
            let origin = "accept \(peer.map(\.description) ?? "?") on \(self.origin)"
            var inherited = authority
            if case .inherited(let interface, let function, let request, _, let hint) = authority {
                inherited = .inherited(
                    interface: interface, function: function, request: request, origin: origin, hint: hint)
            }
            return .success(
                TCPSocketObject(accepted: TCPConnection(client), family: family, authority: inherited, origin: origin))
        }
    }

    func setListenBacklogSize(_ value: UInt64) -> Result<Void, SocketErrorCode> {
        guard value > 0 else { return .failure(.invalidArgument) }
        // Clamped, as systems do: the queue is the kernel's memory the guest would spend.
        let size = Int32(clamping: min(value, UInt64(Self.maximumBacklog)))
        switch state {
        case .unconnected:
            backlog = size
            return .success(())
        case .listening(let descriptor):
            guard listen(descriptor.fd, size) == 0 else { return .failure(.notSupported) }
            backlog = size
            return .success(())
        case .closed(let error): return .failure(error)
        case .connecting, .connected: return .failure(.invalidState)
        }
    }

    var isListening: Bool {
        if case .listening = state { return true }
        return false
    }

    // MARK: Addresses and options

    /// The descriptor option calls work on, as wasmtime's `as_fd`.
    var optionDescriptor: Result<Int32, SocketErrorCode> {
        switch state {
        case .unconnected(let descriptor), .listening(let descriptor): return .success(descriptor.fd)
        case .connected(let connection): return .success(connection.descriptor.fd)
        case .connecting: return .failure(.invalidState)
        case .closed(let error): return .failure(error)
        }
    }

    func localAddress() -> Result<SocketAddress, SocketErrorCode> {
        if !isBound { return .failure(.invalidState) }
        if case .connecting = state { return .failure(.invalidState) }
        return optionDescriptor.flatMap(SocketCalls.localAddress)
    }

    func remoteAddress() -> Result<SocketAddress, SocketErrorCode> {
        switch state {
        case .connected(let connection): return SocketCalls.remoteAddress(connection.descriptor.fd)
        case .closed(let error): return .failure(error)
        default: return .failure(.invalidState)
        }
    }

    // MARK: Shutting down and polling

    func shutdown(_ how: String, interruption: CallInterruption?) throws -> Result<Void, SocketErrorCode> {
        // wasmtime shuts the streams down, so there must be streams.
        guard case .connected(let connection) = state else { return .failure(.invalidState) }
        if how == "receive" || how == "both" { connection.shutdownReceive() }
        if how == "send" || how == "both" { try connection.shutdownSend(interruption: interruption) }
        return .success(())
    }

    /// As wasmtime's pollable: a connect in progress is ready when it ends, a listener when a
    /// connection waits; anything else at once.
    var readiness: PollReadiness {
        switch (inProgress, state) {
        case (.connect, .connecting(let descriptor, nil)): return .descriptor(descriptor.fd, events: Int16(POLLOUT))
        case (nil, .listening(let descriptor)): return .descriptor(descriptor.fd, events: Int16(POLLIN))
        default: return .ready
        }
    }
}
