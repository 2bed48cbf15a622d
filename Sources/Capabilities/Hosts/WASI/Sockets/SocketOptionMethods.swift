import WasmComponent

/// A socket whose options can be read and set once it has a descriptor (`tcp-socket`,
/// `udp-socket`).
protocol SocketWithOptions: GrantedSocketObject {
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
}
