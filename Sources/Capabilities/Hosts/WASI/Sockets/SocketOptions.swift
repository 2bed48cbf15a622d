/// Socket options whose reading or setting wasmtime normalises, for TCP and UDP alike.
enum SocketOptions {
    /// The unicast hop limit: `IP_TTL` or `IPV6_UNICAST_HOPS`.
    static func hopLimit(_ fd: Int32, _ family: SocketFamily) -> Result<UInt8, SocketErrorCode> {
        let value =
            family == .ipv4
            ? SocketCalls.option(fd, Int32(IPPROTO_IP), IP_TTL)
            : SocketCalls.option(fd, Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS)
        return value.flatMap { $0 >= 0 && $0 <= 255 ? .success(UInt8($0)) : .failure(.notSupported) }
    }

    /// A hop limit of 0 is the guest's error (no well-behaved host sends a packet with TTL 0).
    static func setHopLimit(_ fd: Int32, _ family: SocketFamily, _ value: UInt8) -> Result<Void, SocketErrorCode> {
        guard value > 0 else { return .failure(.invalidArgument) }
        return family == .ipv4
            ? SocketCalls.setOption(fd, Int32(IPPROTO_IP), IP_TTL, Int32(value))
            : SocketCalls.setOption(fd, Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS, Int32(value))
    }

    /// `SO_RCVBUF` or `SO_SNDBUF` as set: Linux reports twice what was set (its bookkeeping), and
    /// wasmtime halves it back.
    static func bufferSize(_ fd: Int32, _ name: Int32) -> Result<UInt64, SocketErrorCode> {
        SocketCalls.option(fd, SOL_SOCKET, name).map { value in
            #if os(Linux)
                UInt64(max(value, 0) / 2)
            #else
                UInt64(max(value, 0))
            #endif
        }
    }

    /// 0 is the guest's error; other sizes are a hint the system clamps (as wasmtime, even
    /// `ENOBUFS` from the BSDs is no failure).
    static func setBufferSize(_ fd: Int32, _ name: Int32, _ value: UInt64) -> Result<Void, SocketErrorCode> {
        guard value > 0 else { return .failure(.invalidArgument) }
        let size = Int32(clamping: value)
        switch SocketCalls.setOption(fd, SOL_SOCKET, name, size) {
        case .failure(let error) where error != .outOfMemory: return .failure(error)
        default: return .success(())
        }
    }
}
