import Synchronization

/// A host name resolved by the C library on a thread of its own (`getaddrinfo` blocks, for
/// seconds when no DNS server answers): the guest polls for the result, and its calls never
/// wait on the resolver.
final class NameLookup: Sendable {
    let name: String
    private let outcome = Mutex<Result<[SocketAddress], SocketErrorCode>?>(nil)

    /// Lookups running at once in the whole process: a guest cannot make the host start
    /// threads without end (a lookup past it fails as a temporary resolver failure).
    static let maximumRunning = 4
    private static let running = Atomic<Int>(0)
    /// The most addresses one lookup gives.
    static let maximumAddresses = 256

    private init(_ name: String) { self.name = name }

    /// Starts resolving `name`; nil when `maximumRunning` lookups run already or no thread starts.
    static func start(_ name: String) -> NameLookup? {
        var current = running.load(ordering: .relaxed)
        while true {
            guard current < maximumRunning else { return nil }
            let (exchanged, original) = running.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { break }
            current = original
        }
        let lookup = NameLookup(name)
        let context = Unmanaged.passRetained(lookup).toOpaque()
        guard let thread = startThread(context) else {
            Unmanaged<NameLookup>.fromOpaque(context).release()
            running.subtract(1, ordering: .relaxed)
            return nil
        }
        pthread_detach(thread)
        return lookup
    }

    #if os(Linux)
        private static func startThread(_ context: UnsafeMutableRawPointer) -> pthread_t? {
            var thread = pthread_t()
            let status = pthread_create(
                &thread, nil,
                { raw in
                    if let raw { Unmanaged<NameLookup>.fromOpaque(raw).takeRetainedValue().resolve() }
                    return nil
                }, context)
            return status == 0 ? thread : nil
        }
    #else
        private static func startThread(_ context: UnsafeMutableRawPointer) -> pthread_t? {
            var thread: pthread_t?
            let status = pthread_create(
                &thread, nil,
                { raw in
                    Unmanaged<NameLookup>.fromOpaque(raw).takeRetainedValue().resolve()
                    return nil
                }, context)
            return status == 0 ? thread : nil
        }
    #endif

    /// The addresses, or why there are none; nil while the resolver works.
    var result: Result<[SocketAddress], SocketErrorCode>? { outcome.withLock { $0 } }

    private func resolve() {
        defer { Self.running.subtract(1, ordering: .relaxed) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        // As wasmtime: every way a lookup fails is an unresolvable name.
        guard status == 0 else {
            outcome.withLock { $0 = .failure(.nameUnresolvable) }
            return
        }
        var addresses: [SocketAddress] = []
        var entry = list
        while let current = entry, addresses.count < Self.maximumAddresses {
            if let raw = current.pointee.ai_addr {
                var storage = sockaddr_storage()
                let length = min(Int(current.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
                withUnsafeMutableBytes(of: &storage) {
                    $0.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: length))
                }
                if let address = SocketCalls.address(storage) {
                    addresses.append(
                        SocketAddress(family: address.canonical.family, bytes: address.canonical.bytes, port: 0))
                }
            }
            entry = current.pointee.ai_next
        }
        outcome.withLock { $0 = .success(addresses) }
    }
}
