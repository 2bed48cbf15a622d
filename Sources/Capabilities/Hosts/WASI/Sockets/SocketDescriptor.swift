/// A socket's file descriptor, shared by the objects that use it (a TCP socket and its two
/// streams): closed when the last of them lets go, so a guest that drops the socket before its
/// streams keeps a working connection, and one that drops everything leaves nothing open.
final class SocketDescriptor {
    let fd: Int32

    init(_ fd: Int32) { self.fd = fd }

    deinit { close(fd) }
}
