/// A host object of `wasi:sockets` (a socket, a datagram stream, a name lookup) whose calls need
/// the grant it was made under, checked again at every call: revoking the grant stops the
/// sockets it made.
protocol GrantedSocketObject: HostObject {
    var authority: HostAuthority { get }
}
