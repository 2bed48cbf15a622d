/// The grant a descriptor flows from: the `wasi:filesystem/preopens` import that handed out its
/// directory and the rule's scope. Every call on the descriptor, and on what is opened beneath it,
/// is decided against that interface's grants (`HostAuthority.inherited`), so a revoke or a deny
/// takes effect at the next call.
struct PreopenGrant {
    /// The preopens interface as the component imports it (`wasi:filesystem/preopens@0.2.12`).
    let interface: String
    /// The granted scope; nil for an unscoped grant (the whole filesystem, preopened as `/`).
    let scope: PathScope?

    /// `./data::/data`, as the audit names the grant.
    var name: String { scope?.key ?? "/" }

    /// What it allows: an unscoped grant allows reading and writing everywhere.
    var access: PathAccess { scope?.access ?? .readWrite }

    /// The absolute host path of the granted file or directory, cleaned (`/` when unscoped).
    var hostPath: String {
        guard let scope else { return "/" }
        return scope.absoluteBytes.isEmpty ? "/" : String(decoding: scope.absoluteBytes, as: UTF8.self)
    }

    /// The name the guest sees it by: `HOST[::GUEST]`'s guest, by default the host path as given.
    var guestName: String { scope?.guest ?? "/" }
}
