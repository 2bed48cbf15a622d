import WasmComponent

/// How an imported interface is granted: what its scopes are. One place decides it from the
/// interface's name, for the shell, manifests and command-line flags alike.
enum InterfaceFamily: Equatable {
    /// Path scopes (`sandbox:skill/filesystem`, and any interface wasmsh knows nothing more of).
    case paths
    /// `wasi:filesystem/*`: directories given to the guest, `HOST[::GUEST]`, granted on
    /// `wasi:filesystem/preopens`; the path-taking functions of `wasi:filesystem/types` are
    /// decided by those grants.
    case preopens
    /// `wasi:cli/environment`: the variables passed, `NAME` or `NAME=VALUE`.
    case environment
    /// `wasi:sockets/tcp` and `udp`: what may be reached, `tcp:connect HOST:PORT` and the like.
    case sockets
    /// Everything else of WASI: granted whole or not at all (stdout, clocks, random, ...).
    case unscoped
    /// Nothing to grant (`reason` says why): its functions work on what the guest already holds,
    /// or give it no authority.
    case needsNoGrant(reason: String)

    init(_ name: InterfaceName) {
        let unversioned = name.unversioned
        guard unversioned.hasPrefix("wasi:") else {
            self = .paths
            return
        }
        if unversioned.hasPrefix("wasi:io/") {
            // Each read or write needs the grant of what its stream came from (stdout, a file).
            self = .needsNoGrant(reason: "it works on streams and pollables the component already holds")
        } else if unversioned == "wasi:cli/exit" {
            self = .needsNoGrant(reason: "ending itself gives a component no authority")
        } else if unversioned.hasPrefix("wasi:cli/terminal-") {
            self = .needsNoGrant(reason: "wasmsh tells no guest that it writes to a terminal")
        } else if unversioned.hasPrefix("wasi:filesystem/") {
            self = .preopens
        } else if unversioned == "wasi:cli/environment" {
            self = .environment
        } else if unversioned == "wasi:sockets/tcp" || unversioned == "wasi:sockets/udp" {
            self = .sockets
        } else {
            self = .unscoped
        }
    }

    /// The interfaces a component without a manifest is granted: clocks and randomness give no
    /// authority over anything outside the guest, and every toolchain's start-up code reads
    /// them (CPython seeds its hash with 2,496 random bytes before `main`). `grants` shows the
    /// rules and `revoke` takes them away.
    static func isGrantedByDefault(_ name: InterfaceName) -> Bool {
        name.unversioned.hasPrefix("wasi:clocks/") || name.unversioned.hasPrefix("wasi:random/")
    }

    /// Whether no call of the interface has an effect outside wasmsh, allowed or not (reading a
    /// clock, drawing random bytes): the audit may hold its records until the next write
    /// (`AuditEvent.staysInProcess`). The same interfaces as `isGrantedByDefault`.
    static func staysInProcess(_ name: InterfaceName) -> Bool { isGrantedByDefault(name) }
}
