import Testing

/// Every socket test, one at a time: they count the process's open sockets, which a socket
/// test running beside them would change.
@Suite("WASI sockets", .serialized)
struct SocketSuites {}
