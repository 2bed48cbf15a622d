import WasmRuntime

/// What a WASI guest's standard input reads for one run: bytes given in advance, or a file
/// descriptor (a file the user named with `run C < FILE`, wasmsh's own standard input) read as
/// the guest asks, never blocking the user: a read waits in slices and stops when the call is
/// stopped. Every `get-stdin` stream of the run reads from it, in turn.
public final class GuestInput {
    private enum Source {
        case bytes([UInt8], offset: Int)
        case descriptor(Int32, owned: Bool)
        case ended
    }

    private var source: Source
    /// What reading it needs, for the audit: the user's own choice, or a grant of stdin.
    let authority: HostAuthority
    /// Where it comes from, for the audit: `get-stdin (input.txt)`.
    let origin: String

    /// Bytes in memory.
    public init(bytes: [UInt8], origin: String = "get-stdin") {
        source = .bytes(bytes, offset: 0)
        self.origin = origin
        authority = .none(basis: "the input the user gave it")
    }

    /// The file at `path`, opened now (any kind but a directory: a FIFO is waited on like a
    /// terminal); closed when the last stream reading it is gone.
    public init(file path: String) throws(LoadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw LoadError("cannot open '\(path)': \(String(cString: strerror(errno)))") }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw LoadError("'\(path)' is a directory, not something to read as standard input")
        }
        source = .descriptor(descriptor, owned: true)
        origin = "get-stdin (\(path))"
        authority = .none(basis: "the input the user gave it")
    }

    /// wasmsh's own standard input, passed on when the component holds the stdin grant
    /// (`wasmsh run --grant stdin`); `interface` is the stdin interface `component` imports.
    public init(standardInputOf interface: String, component: String) {
        source = .descriptor(0, owned: false)
        origin = "get-stdin"
        authority = .inherited(
            interface: interface, function: "get-stdin", request: .none, origin: "get-stdin",
            hint: "\(component) read standard input, which it may not: grant \(component) stdin")
    }

    deinit {
        if case .descriptor(let descriptor, owned: true) = source { close(descriptor) }
    }

    /// Up to `maximum` bytes available now (none when none are), or `closed` at the end.
    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        switch source {
        case .ended:
            return .failure(.closed)
        case .bytes(let bytes, let offset):
            guard offset < bytes.count else {
                source = .ended
                return .failure(.closed)
            }
            let end = min(bytes.count, offset + max(0, maximum))
            source = .bytes(bytes, offset: end)
            return .success(Array(bytes[offset..<end]))
        case .descriptor(let descriptor, _):
            guard Self.isReadable(descriptor, waitingMilliseconds: 0) else { return .success([]) }
            return readNow(descriptor, maximum)
        }
    }

    /// Up to `maximum` bytes, waiting in slices for at least one or the end; throws
    /// `PollWaiter.Stopped` when `interruption` asks.
    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError> {
        guard case .descriptor(let descriptor, _) = source else { return read(maximum) }
        while !Self.isReadable(descriptor, waitingMilliseconds: Int32(PollWaiter.slice / 1_000_000)) {
            if interruption?.isRequested == true { throw PollWaiter.Stopped() }
        }
        return readNow(descriptor, maximum)
    }

    var readiness: PollReadiness {
        switch source {
        case .bytes, .ended: .ready
        case .descriptor(let descriptor, _): .descriptor(descriptor, events: Int16(POLLIN))
        }
    }

    private func readNow(_ descriptor: Int32, _ maximum: Int) -> Result<[UInt8], StreamError> {
        var buffer = [UInt8](repeating: 0, count: max(1, min(maximum, 1 << 16)))
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return .success([]) }
                return .failure(.failed("reading standard input failed: \(String(cString: strerror(errno)))"))
            }
            if count == 0 {
                if case .descriptor(let descriptor, owned: true) = source { close(descriptor) }
                source = .ended
                return .failure(.closed)
            }
            return .success(Array(buffer[..<count]))
        }
    }

    /// Whether a read would not block (data, the end, or an error to report).
    private static func isReadable(_ descriptor: Int32, waitingMilliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, waitingMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready != 0
        }
    }
}

/// The C library's `read`, out of the way of `GuestInput.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
