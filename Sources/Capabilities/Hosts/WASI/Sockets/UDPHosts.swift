import WasmComponent
import WasmRuntime

/// `wasi:sockets/udp` and `udp-create-socket` (see `SocketHosts` for what each call needs).
enum UDPHosts {
    static var createSocket: WASIHost {
        SocketHosts.createSocket("udp", datagram: true) { descriptor, family, interface in
            UDPSocketObject(descriptor, family: family, udpInterface: interface)
        }
    }

    static var udp: WASIHost {
        let socket = "borrow<udp-socket>"
        func result(_ ok: String = "_") -> String { SocketTypes.result(ok) }
        let datagramAddress = "remote-address: \(SocketTypes.socketAddress)"
        let methods = SocketOptionMethods<UDPSocketObject>(resource: "udp-socket")
        var functions: [String: WASIHost.Function] = [
            methods.method("start-bind"): WASIHost.Function(
                signature: "func(\(socket), borrow<network>, \(SocketTypes.socketAddress)) -> \(result())",
                authority: SocketHosts.addressAuthority(.udpBind, argument: 2),
                denied: SocketHosts.refusal(.accessDenied)
            ) { call in
                _ = try call.object(1, as: NetworkObject.self)
                let address = try SocketHosts.address(call, 2)
                return SocketHosts.value(
                    try call.object(0, as: UDPSocketObject.self).startBind(address, call).map { nil })
            },
            methods.method("finish-bind"): .onSocket("func(\(socket)) -> \(result())", UDPSocketObject.self) {
                $1.finishBind().map { nil }
            },
            // With a peer, the association is a use of that address (udp:send); without, of
            // the socket's bind.
            methods.method("stream"): WASIHost.Function(
                signature:
                    "func(\(socket), option<\(SocketTypes.socketAddress)>) -> "
                    + result("tuple<own<incoming-datagram-stream>, own<outgoing-datagram-stream>>"),
                authority: { call in
                    if call.arguments.count > 1, case .option(let peer?) = call.arguments[1],
                        let address = SocketAddress(peer)
                    {
                        return .capability(.socket(address.request(.udpSend)))
                    }
                    return SocketHosts.authority(of: call, as: UDPSocketObject.self)
                },
                denied: SocketHosts.refusal(.accessDenied)
            ) { call in
                let object = try call.object(0, as: UDPSocketObject.self)
                guard case .option(let peerValue) = try call.argument(1) else {
                    throw WASICall.malformed("argument 2 is not an option")
                }
                // As wasmtime: a guest that streams again before dropping the streams traps.
                guard object.liveStreams == 0 else { throw HostError("UDP streams not dropped yet") }
                guard let descriptor = object.descriptor else { throw HostError("the UDP socket was dropped") }
                var peer: SocketAddress?
                if let peerValue {
                    guard let address = SocketAddress(peerValue) else {
                        throw WASICall.malformed("argument 2 is not an ip-socket-address")
                    }
                    peer = address
                }
                if case .failure(let error) = object.associate(with: peer) { return SocketHosts.value(.failure(error)) }
                let incoming = try call.own(IncomingDatagramStream(object, descriptor), "incoming-datagram-stream")
                let outgoing = try call.own(OutgoingDatagramStream(object, descriptor), "outgoing-datagram-stream")
                return SocketHosts.value(.success(.tuple([incoming, outgoing])))
            },
            methods.method("local-address"): .onSocket(
                "func(\(socket)) -> \(result(SocketTypes.socketAddress))", UDPSocketObject.self
            ) { $1.localAddress().map(\.value) },
            methods.method("remote-address"): .onSocket(
                "func(\(socket)) -> \(result(SocketTypes.socketAddress))", UDPSocketObject.self
            ) { $1.remoteAddress().map(\.value) },
            methods.method("address-family"): .free("func(\(socket)) -> \(SocketTypes.family)", "a socket it holds") {
                call in
                try call.object(0, as: UDPSocketObject.self).family.value
            },
            // No operation of a UDP socket waits: its pollable is always ready, as wasmtime's.
            methods.method("subscribe"): .free("func(\(socket)) -> own<pollable>", "a socket it holds") { call in
                _ = try call.object(0, as: UDPSocketObject.self)
                return try call.own(WASIPollable(origin: "subscribe") { .ready }, "pollable")
            },
            "[method]incoming-datagram-stream.receive": .onSocket(
                "func(borrow<incoming-datagram-stream>, u64) -> "
                    + result("list<record { data: list<u8>, \(datagramAddress) }>"),
                IncomingDatagramStream.self
            ) { call, stream in
                stream.receive(try call.u64(1)).map { datagrams in
                    .list(
                        datagrams.map { data, sender in
                            .record([
                                .init(name: "data", value: WASICall.byteList(data)),
                                .init(name: "remote-address", value: sender.value),
                            ])
                        })
                }
            },
            "[method]incoming-datagram-stream.subscribe": .free(
                "func(borrow<incoming-datagram-stream>) -> own<pollable>", "a stream it holds"
            ) { call in
                let stream = try call.object(0, as: IncomingDatagramStream.self)
                return try call.own(
                    WASIPollable(origin: "subscribe") { [weak stream] in stream?.readiness ?? .ready }, "pollable")
            },
            "[method]outgoing-datagram-stream.check-send": .onSocket(
                "func(borrow<outgoing-datagram-stream>) -> \(result("u64"))", OutgoingDatagramStream.self
            ) { _, stream in .success(.u64(stream.checkSend())) },
            "[method]outgoing-datagram-stream.send": WASIHost.Function(
                signature:
                    "func(borrow<outgoing-datagram-stream>, list<record { data: list<u8>, remote-address: "
                    + "option<\(SocketTypes.socketAddress)> }>) -> \(result("u64"))",
                authority: sendAuthority, denied: SocketHosts.refusal(.accessDenied)
            ) { call in
                let stream = try call.object(0, as: OutgoingDatagramStream.self)
                return SocketHosts.value(try stream.send(try datagrams(call)).map { .u64($0) })
            },
            "[method]outgoing-datagram-stream.subscribe": .free(
                "func(borrow<outgoing-datagram-stream>) -> own<pollable>", "a stream it holds"
            ) { call in
                _ = try call.object(0, as: OutgoingDatagramStream.self)
                return try call.own(WASIPollable(origin: "subscribe") { .ready }, "pollable")
            },
        ]
        for (name, function) in [] + methods.hopLimitAndBuffers(hopLimit: "unicast-hop-limit") {
            functions[name] = function
        }
        return WASIHost("wasi:sockets/udp", functions)
    }

    /// A send is a use of the address its first datagram goes to (`udp:send`); with no datagram,
    /// or one that goes nowhere, of the socket's grant (the call then sends nothing).
    private static func sendAuthority(_ call: HostCallRequest) -> HostAuthority {
        guard let stream = SocketHosts.object(call, as: OutgoingDatagramStream.self) else {
            return .none(basis: "an unknown handle: the call fails")
        }
        guard call.arguments.count > 1, case .list(let list) = call.arguments[1],
            case .record(let fields)? = list.first, fields.count == 2, case .option(let given) = fields[1].value
        else { return stream.authority }
        let address = given.flatMap { SocketAddress($0) }
        guard given == nil || address != nil, let target = stream.destination(of: address) else {
            return stream.authority
        }
        return .capability(.socket(target.request(.udpSend)))
    }

    /// The datagrams of `send`'s argument 2: bytes and optional address each.
    private static func datagrams(_ call: WASICall) throws -> [([UInt8], SocketAddress?)] {
        guard case .list(let list) = try call.argument(1) else { throw WASICall.malformed("argument 2 is not a list") }
        return try list.map(datagram)
    }

    private static func datagram(_ value: ComponentValue) throws -> ([UInt8], SocketAddress?) {
        guard case .record(let fields) = value, fields.count == 2, case .list(let data) = fields[0].value,
            case .option(let address) = fields[1].value
        else { throw WASICall.malformed("not an outgoing-datagram") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count)
        for item in data {
            guard case .u8(let byte) = item else { throw WASICall.malformed("not an outgoing-datagram") }
            bytes.append(byte)
        }
        guard let address else { return (bytes, nil) }
        guard let parsed = SocketAddress(address) else { throw WASICall.malformed("not an ip-socket-address") }
        return (bytes, parsed)
    }
}
