/// What a host call touches, as far as scopes are concerned.
public enum ScopeRequest: Hashable, Sendable {
    /// The call touches no scoped resource.
    case none
    /// The call reads and/or writes a path, exactly as the guest passed it.
    case path(String, PathAccess)
    /// The call reads an environment variable.
    case variable(String)
    /// The call uses a socket address.
    case socket(SocketRequest)
    /// The call hands out what the grants name (the variables, the directories): any grant of
    /// the function allows it, and the host gives only what is granted and not denied.
    case listing
    /// The call makes something that reaches nothing yet (a socket before it binds or
    /// connects): any grant of the interface allows it, whatever its function or scope, as
    /// wasmtime's `allow_tcp` does; only an explicit deny of the whole interface refuses it.
    case anyGrant
}
