import WasmRuntime

/// The C library's socket calls as the WASI socket hosts use them: every socket non-blocking and
/// close-on-exec, addresses as `SocketAddress`, failures as `SocketErrorCode`.
enum SocketCalls {
    /// A new TCP (`datagram` false) or UDP socket. IPv6 sockets are IPv6 only, as WASI says.
    static func open(_ family: SocketFamily, datagram: Bool) -> Result<SocketDescriptor, SocketErrorCode> {
        #if os(Linux)
            let kind = Int32(
                (datagram ? SOCK_DGRAM : SOCK_STREAM).rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
            let fd = socket(family.systemValue, kind, 0)
            guard fd >= 0 else { return .failure(.ofLastCall) }
            let descriptor = SocketDescriptor(fd)
        #else
            let fd = socket(family.systemValue, datagram ? SOCK_DGRAM : SOCK_STREAM, 0)
            guard fd >= 0 else { return .failure(.ofLastCall) }
            let descriptor = SocketDescriptor(fd)
            guard fcntl(fd, F_SETFD, FD_CLOEXEC) == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0,
                case .success = setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
            else { return .failure(.ofLastCall) }
        #endif
        if family == .ipv6, case .failure(let error) = setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1) {
            return .failure(error)
        }
        return .success(descriptor)
    }

    /// The next connection waiting on `listener`, non-blocking and close-on-exec, and its peer.
    static func acceptConnection(_ listener: Int32) -> Result<(SocketDescriptor, SocketAddress?), SocketErrorCode> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
        }
        guard fd >= 0 else { return .failure(acceptError(errno)) }
        let descriptor = SocketDescriptor(fd)
        guard fcntl(fd, F_SETFD, FD_CLOEXEC) == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            return .failure(.ofLastCall)
        }
        #if !os(Linux)
            if case .failure(let error) = setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1) { return .failure(error) }
        #endif
        return .success((descriptor, address(storage)))
    }

    /// Linux passes a connection's pending network error out of `accept`; wasmtime reports
    /// them all as an aborted connection, as other systems do.
    private static func acceptError(_ code: Int32) -> SocketErrorCode {
        #if os(Linux)
            if [
                ECONNRESET, ENETRESET, EHOSTUNREACH, EHOSTDOWN, ENETDOWN, ENETUNREACH, EPROTO, ENOPROTOOPT, ENONET,
                EOPNOTSUPP,
            ]
            .contains(code) {
                return .connectionAborted
            }
        #endif
        return SocketErrorCode(errno: code)
    }

    static func bindTo(_ fd: Int32, _ address: SocketAddress) -> Result<Void, SocketErrorCode> {
        let status = withSockaddr(address) { bind(fd, $0, $1) }
        guard status == 0 else {
            // As wasmtime: a family the socket cannot take is the guest's invalid argument.
            return .failure(errno == EAFNOSUPPORT ? .invalidArgument : .ofLastCall)
        }
        return .success(())
    }

    /// Starts connecting: 0 when connected at once, `EINPROGRESS` while it goes on, else the error.
    static func startConnect(_ fd: Int32, _ address: SocketAddress) -> Int32 {
        let status = withSockaddr(address) { connect(fd, $0, $1) }
        return status == 0 ? 0 : errno
    }

    /// Dissolves a UDP socket's association with its peer.
    static func disconnect(_ fd: Int32) -> Result<Void, SocketErrorCode> {
        var unspecified = sockaddr()
        unspecified.sa_family = sa_family_t(AF_UNSPEC)
        let status = connect(fd, &unspecified, socklen_t(MemoryLayout<sockaddr>.size))
        #if os(macOS)
            // BSDs report an error even when the association was dissolved.
            if status != 0 && (errno == EINVAL || errno == EAFNOSUPPORT) { return .success(()) }
        #endif
        return status == 0 ? .success(()) : .failure(.ofLastCall)
    }

    static func localAddress(_ fd: Int32) -> Result<SocketAddress, SocketErrorCode> {
        name(of: fd, getsockname)
    }

    static func remoteAddress(_ fd: Int32) -> Result<SocketAddress, SocketErrorCode> {
        name(of: fd, getpeername)
    }

    private static func name(
        of fd: Int32, _ call: (Int32, UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> Int32
    ) -> Result<SocketAddress, SocketErrorCode> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { call(fd, $0, &length) }
        }
        guard status == 0 else { return .failure(.ofLastCall) }
        guard let address = address(storage) else { return .failure(.notSupported) }
        return .success(address)
    }

    /// The error a non-blocking connect ended with (0: connected).
    static func pendingError(_ fd: Int32) -> Int32 {
        switch option(fd, SOL_SOCKET, SO_ERROR) {
        case .success(let code): return code
        case .failure: return errno
        }
    }

    static func option(_ fd: Int32, _ level: Int32, _ name: Int32) -> Result<Int32, SocketErrorCode> {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, level, name, &value, &length) == 0 else { return .failure(.ofLastCall) }
        return .success(value)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) -> Result<Void, SocketErrorCode> {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            return .failure(.ofLastCall)
        }
        return .success(())
    }

    /// Whether `fd` is ready for `events` now.
    static func isReady(_ fd: Int32, _ events: Int16) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents != 0
    }

    /// Waits until `fd` is ready for `events`, looking at `interruption` every `PollWaiter.slice`.
    static func wait(_ fd: Int32, _ events: Int16, interruption: CallInterruption?) throws {
        _ = try PollWaiter.wait(
            for: [WASIPollable(origin: "a socket") { .descriptor(fd, events: events) }], interruption: interruption)
    }

    /// Sends without raising `SIGPIPE` when the peer has gone; the count sent, or the `errno`.
    static func transmit(_ fd: Int32, _ bytes: ArraySlice<UInt8>, to address: SocketAddress? = nil)
        -> Result<Int, SystemErrno>
    {
        #if os(Linux)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        let sent = bytes.withUnsafeBytes { raw -> Int in
            guard let address else { return send(fd, raw.baseAddress, raw.count, flags) }
            return withSockaddr(address) { sendto(fd, raw.baseAddress, raw.count, flags, $0, $1) }
        }
        return sent >= 0 ? .success(sent) : .failure(.last)
    }

    /// Receives at most `maximum` bytes: the bytes (empty at the end of a stream) and, for a
    /// datagram, its sender; or the `errno` (`EAGAIN` when nothing is there). The bytes are
    /// copied out of a scratch buffer, so a short read keeps no large allocation alive.
    static func receive(_ fd: Int32, maximum: Int) -> Result<([UInt8], SocketAddress?), SystemErrno> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(maximum, 1)) { buffer in
            let received = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(fd, buffer.baseAddress, maximum, 0, $0, &length)
                }
            }
            guard received >= 0 else { return .failure(.last) }
            return .success((Array(buffer[0..<received]), length > 0 ? address(storage) : nil))
        }
    }

    // MARK: sockaddr

    static func withSockaddr<Result>(
        _ address: SocketAddress, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        switch address.family {
        case .ipv4:
            var raw = sockaddr_in()
            raw.sin_family = sa_family_t(AF_INET)
            raw.sin_port = address.port.bigEndian
            withUnsafeMutableBytes(of: &raw.sin_addr) { $0.copyBytes(from: address.bytes) }
            return withUnsafePointer(to: &raw) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .ipv6:
            var raw = sockaddr_in6()
            raw.sin6_family = sa_family_t(AF_INET6)
            raw.sin6_port = address.port.bigEndian
            raw.sin6_flowinfo = address.flowInfo
            raw.sin6_scope_id = address.scopeID
            withUnsafeMutableBytes(of: &raw.sin6_addr) { $0.copyBytes(from: address.bytes) }
            return withUnsafePointer(to: &raw) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    body($0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
    }

    /// The IPv4 or IPv6 address in `storage`; nil for another family.
    static func address(_ storage: sockaddr_storage) -> SocketAddress? {
        var storage = storage
        switch Int32(storage.ss_family) {
        case Int32(AF_INET):
            let raw = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
            }
            let bytes = withUnsafeBytes(of: raw.sin_addr) { Array($0) }
            return SocketAddress(family: .ipv4, bytes: bytes, port: UInt16(bigEndian: raw.sin_port))
        case Int32(AF_INET6):
            let raw = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
            }
            let bytes = withUnsafeBytes(of: raw.sin6_addr) { Array($0) }
            return SocketAddress(
                family: .ipv6, bytes: bytes, port: UInt16(bigEndian: raw.sin6_port), flowInfo: raw.sin6_flowinfo,
                scopeID: raw.sin6_scope_id)
        default:
            return nil
        }
    }
}
