/// `wasi:sockets/ip-name-lookup.resolve-address-stream`: the addresses of a name, one by one.
/// A literal address is its own answer at once; a name is looked up in the background.
final class ResolveAddressStream: GrantedSocketObject {
    private var addresses: [SocketAddress]?
    private var failure: SocketErrorCode?
    private var lookup: NameLookup?
    private var next = 0
    let origin: String
    let authority: HostAuthority

    /// How often a pollable of a lookup still running looks again.
    static let recheck: UInt64 = 10_000_000

    init(literal address: SocketAddress, name: String, authority: HostAuthority) {
        addresses = [address]
        origin = "resolve-addresses \(name)"
        self.authority = authority
    }

    init(_ lookup: NameLookup, authority: HostAuthority) {
        self.lookup = lookup
        origin = "resolve-addresses \(lookup.name)"
        self.authority = authority
    }

    func release() { lookup = nil }

    /// Takes in the lookup's outcome once there is one.
    private func settle() {
        guard addresses == nil, failure == nil, let outcome = lookup?.result else { return }
        switch outcome {
        case .success(let found): addresses = found
        case .failure(let error): failure = error
        }
        lookup = nil
    }

    /// The next address; none after the last; `would-block` while the lookup runs.
    func nextAddress() -> Result<SocketAddress?, SocketErrorCode> {
        settle()
        if let failure { return .failure(failure) }
        guard let addresses else { return .failure(.wouldBlock) }
        guard next < addresses.count else { return .success(nil) }
        next += 1
        return .success(addresses[next - 1])
    }

    var readiness: PollReadiness {
        settle()
        return addresses != nil || failure != nil ? .ready : .deadline(MonotonicClock.now() + Self.recheck)
    }
}
