import WasmComponent

/// A socket whose options can be read and set once it has a descriptor (`tcp-socket`,
/// `udp-socket`).
protocol SocketWithOptions: GrantedSocketObject {
    /// IPv4 or IPv6, as the socket was made: the hop limit is an option of either.
    var family: SocketFamily { get }
    /// The descriptor options are read and set on, or why there is none yet.
    var optionDescriptor: Result<Int32, SocketErrorCode> { get }
}

/// The `[method]RESOURCE.NAME` functions of a socket resource, and its option getters and
/// setters, written once for TCP and UDP.
struct SocketOptionMethods<Socket: SocketWithOptions> {
    /// `tcp-socket` or `udp-socket`.
    let resource: String

    var borrowed: String { "borrow<\(resource)>" }

    func method(_ name: String) -> String { "[method]\(resource).\(name)" }

    /// A getter: the socket's descriptor (as wasmtime's `as_fd`: none while connecting), then the value.
    func option(
        _ name: String, _ type: String,
        _ read: @escaping (Socket, Int32) -> Result<ComponentValue?, SocketErrorCode>
    ) -> (String, WASIHost.Function) {
        (
            method(name),
            .onSocket("func(\(borrowed)) -> \(SocketTypes.result(type))", Socket.self) { _, object in
                object.optionDescriptor.flatMap { read(object, $0) }
            }
        )
    }

    func setter(
        _ name: String, _ type: String,
        _ write: @escaping (Socket, ComponentValue) -> Result<Void, SocketErrorCode>
    ) -> (String, WASIHost.Function) {
        (
            method(name),
            .onSocket("func(\(borrowed), \(type)) -> \(SocketTypes.result("_"))", Socket.self) { call, object in
                write(object, try call.argument(1)).map { nil }
            }
        )
    }

    /// The options both protocols have: the hop limit (`hop-limit` for TCP, `unicast-hop-limit`
    /// for UDP) and the two buffer sizes, each with its setter.
    func hopLimitAndBuffers(hopLimit: String) -> [(String, WASIHost.Function)] {
        [
            option(hopLimit, "u8") { SocketOptions.hopLimit($1, $0.family).map { .u8($0) } },
            setter("set-\(hopLimit)", "u8") { object, value in
                guard case .u8(let limit) = value else { return .failure(.invalidArgument) }
                return object.optionDescriptor.flatMap { SocketOptions.setHopLimit($0, object.family, limit) }
            },
            option("receive-buffer-size", "u64") { SocketOptions.bufferSize($1, SO_RCVBUF).map { .u64($0) } },
            setter("set-receive-buffer-size", "u64") { object, value in
                guard case .u64(let size) = value else { return .failure(.invalidArgument) }
                return object.optionDescriptor.flatMap { SocketOptions.setBufferSize($0, SO_RCVBUF, size) }
            },
            option("send-buffer-size", "u64") { SocketOptions.bufferSize($1, SO_SNDBUF).map { .u64($0) } },
            setter("set-send-buffer-size", "u64") { object, value in
                guard case .u64(let size) = value else { return .failure(.invalidArgument) }
                return object.optionDescriptor.flatMap { SocketOptions.setBufferSize($0, SO_SNDBUF, size) }
            },
        ]
    }
}
