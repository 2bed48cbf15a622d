import WasmComponent
import WasmRuntime

/// `wasi:sockets/tcp` and `tcp-create-socket` (see `SocketHosts` for what each call needs).
enum TCPHosts {
    static var createSocket: WASIHost {
        SocketHosts.createSocket("tcp", datagram: false) { descriptor, family, interface in
            TCPSocketObject(descriptor, family: family, tcpInterface: interface)
        }
    }

    static var tcp: WASIHost {
        let socket = "borrow<tcp-socket>"
        func result(_ ok: String = "_") -> String { SocketTypes.result(ok) }
        let methods = SocketOptionMethods<TCPSocketObject>(resource: "tcp-socket")
        func network(_ call: WASICall) throws { _ = try call.object(1, as: NetworkObject.self) }
        var functions: [String: WASIHost.Function] = [
            methods.method("start-bind"): WASIHost.Function(
                signature: "func(\(socket), borrow<network>, \(SocketTypes.socketAddress)) -> \(result())",
                authority: SocketHosts.addressAuthority(.tcpBind, argument: 2),
                denied: SocketHosts.refusal(.accessDenied)
            ) { call in
                try network(call)
                let address = try SocketHosts.address(call, 2)
                let object = try call.object(0, as: TCPSocketObject.self)
                return SocketHosts.value(object.startBind(address, call).map { nil })
            },
            methods.method("finish-bind"): .onSocket("func(\(socket)) -> \(result())", TCPSocketObject.self) {
                $1.finishBind().map { nil }
            },
            methods.method("start-connect"): WASIHost.Function(
                signature: "func(\(socket), borrow<network>, \(SocketTypes.socketAddress)) -> \(result())",
                authority: SocketHosts.addressAuthority(.tcpConnect, argument: 2),
                denied: SocketHosts.refusal(.accessDenied)
            ) { call in
                try network(call)
                let address = try SocketHosts.address(call, 2)
                let object = try call.object(0, as: TCPSocketObject.self)
                return SocketHosts.value(object.startConnect(address, call).map { nil })
            },
            methods.method("finish-connect"): .onSocket(
                "func(\(socket)) -> \(result("tuple<own<input-stream>, own<output-stream>>"))", TCPSocketObject.self
            ) { call, object in
                switch object.finishConnect() {
                case .failure(let error): return .failure(error)
                case .success(let connection):
                    return .success(.tuple(try streams(connection, of: object, call)))
                }
            },
            methods.method("start-listen"): .onSocket("func(\(socket)) -> \(result())", TCPSocketObject.self) {
                $1.startListen().map { nil }
            },
            methods.method("finish-listen"): .onSocket("func(\(socket)) -> \(result())", TCPSocketObject.self) {
                $1.finishListen().map { nil }
            },
            methods.method("accept"): .onSocket(
                "func(\(socket)) -> \(result("tuple<own<tcp-socket>, own<input-stream>, own<output-stream>>"))",
                TCPSocketObject.self
            ) { call, object in
                switch object.accept() {
                case .failure(let error): return .failure(error)
                case .success(let client):
                    guard case .connected(let connection) = client.state else { return .failure(.invalidState) }
                    let handle = try call.own(client, "tcp-socket")
                    return .success(.tuple([handle] + (try streams(connection, of: client, call))))
                }
            },
            methods.method("local-address"): .onSocket(
                "func(\(socket)) -> \(result(SocketTypes.socketAddress))", TCPSocketObject.self
            ) {
                $1.localAddress().map(\.value)
            },
            methods.method("remote-address"): .onSocket(
                "func(\(socket)) -> \(result(SocketTypes.socketAddress))", TCPSocketObject.self
            ) { $1.remoteAddress().map(\.value) },
            methods.method("is-listening"): .free("func(\(socket)) -> bool", "a socket it holds") { call in
                .bool(try call.object(0, as: TCPSocketObject.self).isListening)
            },
            methods.method("address-family"): .free("func(\(socket)) -> \(SocketTypes.family)", "a socket it holds") {
                call in
                try call.object(0, as: TCPSocketObject.self).family.value
            },
            methods.method("set-listen-backlog-size"): .onSocket(
                "func(\(socket), u64) -> \(result())", TCPSocketObject.self
            ) {
                $1.setListenBacklogSize(try $0.u64(1)).map { nil }
            },
            methods.method("subscribe"): .free("func(\(socket)) -> own<pollable>", "a socket it holds") { call in
                let object = try call.object(0, as: TCPSocketObject.self)
                return try call.own(
                    WASIPollable(origin: "subscribe") { [weak object] in object?.readiness ?? .ready }, "pollable")
            },
            methods.method("shutdown"): .onSocket(
                "func(\(socket), \(SocketTypes.shutdownType)) -> \(result())", TCPSocketObject.self
            ) {
                call, object in
                guard case .enumCase(let how) = try call.argument(1) else {
                    throw WASICall.malformed("argument 2 is not a shutdown-type")
                }
                return try object.shutdown(how, interruption: call.context.interruption).map { nil }
            },
        ]
        for (name, function) in [
            methods.option("keep-alive-enabled", "bool") {
                SocketCalls.option($1, SOL_SOCKET, SO_KEEPALIVE).map { .bool($0 != 0) }
            },
            methods.setter("set-keep-alive-enabled", "bool") { object, value in
                guard case .bool(let enabled) = value else { return .failure(.invalidArgument) }
                return object.optionDescriptor.flatMap {
                    SocketCalls.setOption($0, SOL_SOCKET, SO_KEEPALIVE, enabled ? 1 : 0)
                }
            },
            methods.option("keep-alive-idle-time", "u64") {
                SocketCalls.option($1, tcpLevel, keepAliveIdle).map { .u64(nanoseconds($0)) }
            },
            methods.setter("set-keep-alive-idle-time", "u64") { setSeconds($0, $1, keepAliveIdle) },
            methods.option("keep-alive-interval", "u64") {
                SocketCalls.option($1, tcpLevel, TCP_KEEPINTVL).map { .u64(nanoseconds($0)) }
            },
            methods.setter("set-keep-alive-interval", "u64") { setSeconds($0, $1, TCP_KEEPINTVL) },
            methods.option("keep-alive-count", "u32") {
                SocketCalls.option($1, tcpLevel, TCP_KEEPCNT).map { .u32(UInt32(clamping: $0)) }
            },
            methods.setter("set-keep-alive-count", "u32") { object, value in
                guard case .u32(let count) = value, count > 0 else { return .failure(.invalidArgument) }
                // wasmtime's bounds (Linux's maximum is the lowest).
                return object.optionDescriptor.flatMap {
                    SocketCalls.setOption($0, tcpLevel, TCP_KEEPCNT, Int32(min(count, 127)))
                }
            },
        ] + methods.hopLimitAndBuffers(hopLimit: "hop-limit") {
            functions[name] = function
        }
        return WASIHost("wasi:sockets/tcp", functions)
    }

    /// The two streams of a connection, under the socket's grant, as owned handles.
    private static func streams(_ connection: TCPConnection, of socket: TCPSocketObject, _ call: WASICall) throws
        -> [ComponentValue]
    {
        let input = try call.own(
            TCPInputStream(connection, origin: socket.origin, authority: socket.authority), "input-stream")
        let output = try call.own(
            TCPOutputStream(connection, origin: socket.origin, authority: socket.authority), "output-stream")
        return [input, output]
    }

    private static let tcpLevel = Int32(IPPROTO_TCP)

    #if os(Linux)
        private static let keepAliveIdle = TCP_KEEPIDLE
    #else
        private static let keepAliveIdle = TCP_KEEPALIVE
    #endif

    private static func nanoseconds(_ seconds: Int32) -> UInt64 { UInt64(max(seconds, 0)) * 1_000_000_000 }

    /// A keep-alive time: 0 is the guest's error; others are clamped to whole seconds from 1
    /// to 32,767 (Linux's maximum, the lowest of the systems wasmtime supports).
    private static func setSeconds(_ object: TCPSocketObject, _ value: ComponentValue, _ name: Int32)
        -> Result<Void, SocketErrorCode>
    {
        guard case .u64(let nanoseconds) = value, nanoseconds > 0 else { return .failure(.invalidArgument) }
        let seconds = min(max(nanoseconds / 1_000_000_000, 1), UInt64(Int16.max))
        return object.optionDescriptor.flatMap { SocketCalls.setOption($0, tcpLevel, name, Int32(seconds)) }
    }
}
