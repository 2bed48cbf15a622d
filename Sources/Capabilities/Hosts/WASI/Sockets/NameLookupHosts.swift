import WasmComponent
import WasmRuntime

/// `wasi:sockets/ip-name-lookup`: needs its own grant (unscoped), as wasmtime's
/// `allow_ip_name_lookup`; refused, it answers `permanent-resolver-failure`, as wasmtime does
/// when lookups are off. A name that is an IP address is its own answer; others are looked up
/// by the system's resolver in the background.
enum NameLookupHosts {
    static var lookup: WASIHost {
        func result(_ ok: String = "_") -> String { SocketTypes.result(ok) }
        return WASIHost(
            "wasi:sockets/ip-name-lookup",
            [
                "resolve-addresses": .granted(
                    "func(borrow<network>, string) -> \(result("own<resolve-address-stream>"))",
                    denied: SocketHosts.refusal(.permanentResolverFailure)
                ) { call in
                    _ = try call.object(0, as: NetworkObject.self)
                    let name = try call.string(1)
                    let authority = HostAuthority.inherited(
                        interface: call.context.interface, function: call.context.function, request: .none,
                        origin: "resolve-addresses")
                    let stream: ResolveAddressStream
                    switch HostName.parse(name) {
                    case .failure(let error): return SocketHosts.value(.failure(error))
                    case .success(.address(let address)):
                        stream = ResolveAddressStream(literal: address, name: name, authority: authority)
                    case .success(.name(let host)):
                        guard let lookup = NameLookup.start(host) else {
                            return SocketHosts.value(.failure(.temporaryResolverFailure))
                        }
                        stream = ResolveAddressStream(lookup, authority: authority)
                    }
                    return SocketHosts.value(.success(try call.own(stream, "resolve-address-stream")))
                },
                "[method]resolve-address-stream.resolve-next-address": .onSocket(
                    "func(borrow<resolve-address-stream>) -> \(result("option<\(SocketTypes.address)>"))",
                    ResolveAddressStream.self, refusal: .permanentResolverFailure
                ) { _, stream in
                    stream.nextAddress().map { .option($0?.ipAddressValue) }
                },
                "[method]resolve-address-stream.subscribe": .free(
                    "func(borrow<resolve-address-stream>) -> own<pollable>", "a lookup it holds"
                ) { call in
                    let stream = try call.object(0, as: ResolveAddressStream.self)
                    return try call.own(
                        WASIPollable(origin: "subscribe") { [weak stream] in stream?.readiness ?? .ready }, "pollable")
                },
            ])
    }
}
