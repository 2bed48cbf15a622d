import WasmComponent
import WasmRuntime

/// `wasi:sockets`: every interface of it, and what their functions share.
///
/// What a call needs (wasmtime's `allow_tcp`/`allow_udp`/`socket_addr_check`/
/// `allow_ip_name_lookup`, as grants):
/// - `create-tcp-socket` / `create-udp-socket`: any grant of `wasi:sockets/tcp` / `udp` (a new
///   socket reaches nothing); refused: `access-denied`.
/// - `start-connect`: `tcp:connect ADDRESS`; `start-bind`: `tcp:bind` / `udp:bind ADDRESS`
///   (as the guest asked, port 0 included); UDP `stream` with a peer and `send`:
///   `udp:send ADDRESS`. Each is the call's own capability with the address, so the audit
///   names it; refused: `access-denied`.
/// - Every other call on a socket, its streams and its datagram streams: the grant of the
///   last bind or connect of that socket (listening and accepting need the bind's; an accepted
///   connection and its streams keep the listener's; UDP `receive` needs the bind's), checked
///   again at every call.
/// - `resolve-addresses`: a grant of `wasi:sockets/ip-name-lookup` (unscoped); refused:
///   `permanent-resolver-failure`, as wasmtime answers when lookups are off.
/// - `instance-network`, `subscribe`, `address-family`, `is-listening`: nothing (a token, a
///   pollable, what the guest chose).
///
/// Where wasmsh differs from wasmtime's p2 host (everything else follows it, check for check):
/// - A refused address is refused by the call that names it, before the host looks at it:
///   `start-connect` is `access-denied` where wasmtime's `finish-connect` is (its check runs
///   inside the connect), and an address both invalid and not granted is `access-denied`.
/// - A connect needs no grant for the implicit bind of its local address, accepted clients
///   are not filtered by address (the listener's bind grant covers them), nor are received
///   datagrams by sender: grants name what a guest reaches, not who reaches it.
/// - A `send` stops at the first datagram for another address than its first's, so that each
///   address a guest sends to is on the audit record (the guest sends the rest next call).
/// - Written bytes the system does not take at once wait in the host (at most 128 KiB) and go
///   out at the stream's next call or `blocking-flush`; dropping the stream sends what the
///   system takes then (wasmtime finishes the write in the background).
/// - Names that are not ASCII are `not-supported` (no IDNA); at most 4 lookups run at once in
///   the process (`temporary-resolver-failure` beyond); `EMFILE` is `new-socket-limit`.
enum SocketHosts {
    static var all: [WASIHost] {
        [
            WASIHost("wasi:sockets/network", [:]), instanceNetwork, TCPHosts.createSocket, TCPHosts.tcp,
            UDPHosts.createSocket, UDPHosts.udp, NameLookupHosts.lookup,
        ]
    }

    static var instanceNetwork: WASIHost {
        WASIHost(
            "wasi:sockets/instance-network",
            [
                "instance-network": .free(
                    "func() -> own<network>", "a token that names no address: each use of it is decided on its own"
                ) { call in try call.own(NetworkObject(), "network") }
            ])
    }

    /// `result` as WASI's `result<T, error-code>`.
    static func value(_ result: Result<ComponentValue?, SocketErrorCode>) -> ComponentValue {
        switch result {
        case .success(let value): .result(.ok(value))
        case .failure(let error): .result(.err(error.value))
        }
    }

    /// The interface `name` of the same package and version as `interface`:
    /// (`wasi:sockets/tcp-create-socket@0.2.12`, `tcp`) → `wasi:sockets/tcp@0.2.12`.
    static func sibling(of interface: String, _ name: String) -> String {
        let slash = interface.firstIndex(of: "/") ?? interface.endIndex
        let version = interface[slash...].firstIndex(of: "@").map { interface[$0...] } ?? ""
        return String(interface[..<slash]) + "/" + name + version
    }

    /// The object behind the handle in a call's argument `index`, before the call is decided.
    static func object<T>(_ call: HostCallRequest, _ index: Int = 0, as type: T.Type) -> T? {
        guard index < call.arguments.count, case .handle(let handle) = call.arguments[index] else { return nil }
        return try? WASICall.object(handle, in: call.context, state: call.state, as: type)
    }

    /// What a call on the object in its first argument needs: that object's grant.
    static func authority<T: GrantedSocketObject>(of call: HostCallRequest, as type: T.Type) -> HostAuthority {
        object(call, as: type)?.authority ?? .none(basis: "an unknown handle: the call fails")
    }

    /// What a refused call gives the guest: `err(code)`.
    static func refusal(_ code: SocketErrorCode) -> (HostCallRequest, String) throws -> ComponentValue? {
        { _, _ in .result(.err(code.value)) }
    }

    /// The address in argument `index`, or a trap: the canonical ABI lets no other value through.
    static func address(_ call: WASICall, _ index: Int) throws -> SocketAddress {
        guard let address = SocketAddress(try call.argument(index)) else {
            throw WASICall.malformed("argument \(index + 1) is not an ip-socket-address")
        }
        return address
    }

    /// What a call that uses the address in argument `index` for `use` needs: the call's own
    /// capability, scoped to that address.
    static func addressAuthority(_ use: SocketScope.Use, argument index: Int) -> (HostCallRequest) -> HostAuthority {
        { call in
            guard index < call.arguments.count, let address = SocketAddress(call.arguments[index]) else {
                return .capability(.none)
            }
            return .capability(.socket(address.request(use)))
        }
    }

    /// `wasi:sockets/tcp-create-socket` or `udp-create-socket` (`proto` is `tcp` or `udp`): a new
    /// socket, allowed by any grant of its protocol's interface (it reaches nothing yet).
    static func createSocket(
        _ proto: String, datagram: Bool,
        make: @escaping (SocketDescriptor, SocketFamily, _ interface: String) -> any HostObject
    ) -> WASIHost {
        let resource = "\(proto)-socket"
        return WASIHost(
            "wasi:sockets/\(proto)-create-socket",
            [
                "create-\(resource)": WASIHost.Function(
                    signature: "func(\(SocketTypes.family)) -> \(SocketTypes.result("own<\(resource)>"))",
                    authority: { call in
                        .inherited(
                            interface: sibling(of: call.context.interface, proto), function: call.function,
                            request: .anyGrant, origin: "a new \(proto.uppercased()) socket")
                    },
                    denied: refusal(.accessDenied)
                ) { call in
                    guard let family = SocketFamily(try call.argument(0)) else {
                        throw WASICall.malformed("argument 1 is not an ip-address-family")
                    }
                    switch SocketCalls.open(family, datagram: datagram) {
                    case .failure(let error): return value(.failure(error))
                    case .success(let descriptor):
                        let socket = make(descriptor, family, sibling(of: call.context.interface, proto))
                        return value(.success(try call.own(socket, resource)))
                    }
                }
            ])
    }
}

extension WASIHost.Function {
    /// A call on a socket object the guest holds (argument 0): it needs the object's grant, a
    /// refusal is `err(refusal)`, and the body's result becomes `result<T, error-code>`.
    static func onSocket<Object: GrantedSocketObject>(
        _ signature: String, _ type: Object.Type, refusal: SocketErrorCode = .accessDenied,
        _ body: @escaping (WASICall, Object) throws -> Result<ComponentValue?, SocketErrorCode>
    ) -> Self {
        Self(
            signature: signature, authority: { SocketHosts.authority(of: $0, as: type) },
            denied: SocketHosts.refusal(refusal)
        ) { call in SocketHosts.value(try body(call, try call.object(0, as: type))) }
    }
}
