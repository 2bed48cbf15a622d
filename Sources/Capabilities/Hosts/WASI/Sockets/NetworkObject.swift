/// `wasi:sockets/network.network`: the token `instance-network` hands out. It names nothing:
/// every address used through it is decided on its own, as in wasmtime.
final class NetworkObject: HostObject {
    var origin: String { "instance-network" }
}
