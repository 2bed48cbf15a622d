import WasmRuntime

/// One TCP connection, shared by the socket that made it and its two streams: which directions
/// are still open, and the bytes written that the system has not taken yet (written in the
/// background by wasmtime; here pushed out at every call that touches the stream, and waited
/// for by `blockingFlush`).
final class TCPConnection {
    let descriptor: SocketDescriptor
    private var receiving = true
    /// Why the sending side ended: nil while it is open.
    private var sendEnded: StreamError?
    private var pending: [UInt8] = []
    private var pendingStart = 0

    /// What `check-write` permits at once, and what one read takes at most: wasmtime's 64 KiB.
    static let chunk = 64 * 1024
    /// The most that may wait to be sent: a write beyond it (one check-write did not permit) fails.
    static let pendingLimit = 2 * chunk

    init(_ descriptor: SocketDescriptor) { self.descriptor = descriptor }

    private var fd: Int32 { descriptor.fd }

    // MARK: Receiving

    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        guard receiving else { return .failure(.closed) }
        guard maximum > 0 else { return .success([]) }
        switch SocketCalls.receive(fd, maximum: min(maximum, Self.chunk)) {
        case .success(let (bytes, _)):
            if bytes.isEmpty {
                receiving = false
                return .failure(.closed)
            }
            return .success(bytes)
        case .failure(let error) where [EAGAIN, EWOULDBLOCK, EINTR].contains(error.code):
            return .success([])
        case .failure(let error):
            receiving = false
            return .failure(.failed(SocketErrorCode(errno: error.code).rawValue))
        }
    }

    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError> {
        while true {
            let result = read(maximum)
            if case .success(let bytes) = result, bytes.isEmpty, maximum > 0 {
                try SocketCalls.wait(fd, Int16(POLLIN), interruption: interruption)
                continue
            }
            return result
        }
    }

    var readReadiness: PollReadiness { receiving ? .descriptor(fd, events: Int16(POLLIN)) : .ready }

    /// `shutdown(receive)`: nothing more is read.
    func shutdownReceive() {
        guard receiving else { return }
        receiving = false
        _ = shutdown(fd, Int32(SHUT_RD))
    }

    // MARK: Sending

    private var pendingCount: Int { pending.count - pendingStart }

    /// Hands the system what it takes now of the pending bytes.
    private func push() {
        while sendEnded == nil && pendingCount > 0 {
            switch SocketCalls.transmit(fd, pending[pendingStart...]) {
            case .success(let sent):
                pendingStart += sent
            case .failure(let error) where error.code == EINTR:
                continue
            case .failure(let error) where [EAGAIN, EWOULDBLOCK].contains(error.code):
                return
            case .failure(let error):
                // As wasmtime: a peer that went away closes the stream; anything else fails it.
                sendEnded = error.code == EPIPE ? .closed : .failed(SocketErrorCode(errno: error.code).rawValue)
            }
        }
        if pendingCount == 0 || sendEnded != nil {
            pending = []
            pendingStart = 0
        }
    }

    func checkWrite() -> Result<UInt64, StreamError> {
        push()
        if let sendEnded { return .failure(sendEnded) }
        return .success(pendingCount == 0 ? UInt64(Self.chunk) : 0)
    }

    func write(_ bytes: [UInt8]) -> Result<Void, StreamError> {
        push()
        if let sendEnded { return .failure(sendEnded) }
        guard pendingCount + bytes.count <= Self.pendingLimit else {
            return .failure(.failed("a write of \(bytes.count) bytes that check-write did not permit"))
        }
        pending += bytes
        push()
        if let sendEnded { return .failure(sendEnded) }
        return .success(())
    }

    func flush() -> Result<Void, StreamError> {
        push()
        if let sendEnded { return .failure(sendEnded) }
        return .success(())
    }

    func blockingFlush(interruption: CallInterruption?) throws -> Result<Void, StreamError> {
        while true {
            push()
            if let sendEnded { return .failure(sendEnded) }
            if pendingCount == 0 { return .success(()) }
            try SocketCalls.wait(fd, Int16(POLLOUT), interruption: interruption)
        }
    }

    var writeReadiness: PollReadiness {
        sendEnded != nil || pendingCount == 0 ? .ready : .descriptor(fd, events: Int16(POLLOUT))
    }

    /// `shutdown(send)`: what was written goes out first (wasmtime lets its write in flight
    /// finish), then the peer sees the end of the stream.
    func shutdownSend(interruption: CallInterruption?) throws {
        guard sendEnded == nil else { return }
        _ = try blockingFlush(interruption: interruption)
        if sendEnded == nil { sendEnded = .closed }
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// The output stream was dropped: what the system takes now goes out.
    func abandonSending() {
        push()
    }
}
