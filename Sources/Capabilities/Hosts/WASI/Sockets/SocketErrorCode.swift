import WasmComponent

/// `wasi:sockets/network.error-code`: why a socket call failed, in the guest's terms.
enum SocketErrorCode: String, Error, CaseIterable {
    case unknown
    case accessDenied = "access-denied"
    case notSupported = "not-supported"
    case invalidArgument = "invalid-argument"
    case outOfMemory = "out-of-memory"
    case timeout
    case concurrencyConflict = "concurrency-conflict"
    case notInProgress = "not-in-progress"
    case wouldBlock = "would-block"
    case invalidState = "invalid-state"
    case newSocketLimit = "new-socket-limit"
    case addressNotBindable = "address-not-bindable"
    case addressInUse = "address-in-use"
    case remoteUnreachable = "remote-unreachable"
    case connectionRefused = "connection-refused"
    case connectionReset = "connection-reset"
    case connectionAborted = "connection-aborted"
    case datagramTooLarge = "datagram-too-large"
    case nameUnresolvable = "name-unresolvable"
    case temporaryResolverFailure = "temporary-resolver-failure"
    case permanentResolverFailure = "permanent-resolver-failure"

    /// The code wasmtime's p2 host gives for a failed system call's `errno`.
    init(errno code: Int32) {
        switch code {
        case EPERM, EACCES: self = .accessDenied
        case EADDRINUSE: self = .addressInUse
        case EADDRNOTAVAIL: self = .addressNotBindable
        case ETIMEDOUT: self = .timeout
        case ECONNREFUSED: self = .connectionRefused
        case ECONNRESET: self = .connectionReset
        case ECONNABORTED: self = .connectionAborted
        case EINVAL: self = .invalidArgument
        case EHOSTUNREACH, EHOSTDOWN, ENETDOWN, ENETUNREACH: self = .remoteUnreachable
        case EISCONN, ENOTCONN, EDESTADDRREQ: self = .invalidState
        case EMSGSIZE: self = .datagramTooLarge
        case ENOMEM, ENOBUFS: self = .outOfMemory
        case EOPNOTSUPP, ENOPROTOOPT, EPFNOSUPPORT, EPROTONOSUPPORT, EPROTOTYPE, ESOCKTNOSUPPORT, EAFNOSUPPORT:
            self = .notSupported
        case EMFILE, ENFILE: self = .newSocketLimit
        case EAGAIN, EWOULDBLOCK, EINTR: self = .wouldBlock
        case EALREADY: self = .concurrencyConflict
        default: self = Self.platformSpecific(code) ?? .unknown
        }
    }

    private static func platformSpecific(_ code: Int32) -> SocketErrorCode? {
        #if os(Linux)
            if code == ENONET { return .remoteUnreachable }
        #endif
        return nil
    }

    /// The code of the C library's last failed call.
    static var ofLastCall: SocketErrorCode { SocketErrorCode(errno: errno) }

    /// The `error-code` value.
    var value: ComponentValue { .enumCase(rawValue) }
}
