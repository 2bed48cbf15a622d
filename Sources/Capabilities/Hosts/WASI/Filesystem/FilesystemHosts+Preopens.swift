import WasmComponent

extension FilesystemHosts {
    /// The grants of `interface` (the preopens import) that hand out a directory or file now:
    /// each scoped grant whose path the policy allows (an explicit deny may cover it), or the
    /// whole filesystem for an unscoped one. In the order they were granted, as `wasmtime run`
    /// keeps the order of its `--dir` flags (a manifest's lists keep it too).
    static func preopenGrants(
        _ rules: [CapabilityRule], interface: String, allows: (String, PathAccess) -> Bool
    ) -> [PreopenGrant] {
        rules.sorted { $0.ordinal < $1.ordinal }.compactMap { rule -> PreopenGrant? in
            let grant = PreopenGrant(interface: interface, scope: rule.scope)
            let readable = grant.access.contains(.read) && allows(grant.hostPath, .read)
            let writable = grant.access.contains(.write) && allows(grant.hostPath, .write)
            return readable || writable ? grant : nil
        }
    }

    /// `get-directories`: one descriptor per directory granted, named as the grant says
    /// (`HOST::GUEST`, or the host path as given); none without a grant (refused and audited).
    /// Needs no more than the grants it hands out: each call on a descriptor is decided again.
    static var preopens: WASIHost {
        let signature = "func() -> list<tuple<own<descriptor>, string>>"
        let authority: (HostCallRequest) -> HostAuthority = { call in
            let rules = call.policy.grants.filter {
                $0.interface == call.context.interface && $0.applies(toFunction: call.function)
            }
            let granted = preopenGrants(rules, interface: call.context.interface) { path, access in
                call.policy.decide(
                    interface: call.context.interface, function: call.function, request: .path(path, access)
                )
                .isAllowed
            }
            // Nothing to hand out: the call asks for what grants would name (in watch mode, a
            // suggestion must ask the user which directories, never grant the whole filesystem).
            guard !granted.isEmpty else { return .capability(.listing) }
            let names = granted.map { "\($0.name) [\($0.access)]" }.joined(separator: ", ")
            return .none(basis: "hands out the directories granted to it: \(names)")
        }
        return WASIHost(
            "wasi:filesystem/preopens",
            [
                "get-directories": WASIHost.Function(
                    signature: signature, authority: authority, denied: { _, _ in .list([]) }
                ) { call in
                    let interface = call.context.interface
                    let grants = preopenGrants(call.authorization.grants(), interface: interface) { path, access in
                        call.authorization.allows(interface, function: call.context.function, .path(path, access))
                    }
                    var entries: [ComponentValue] = []
                    for grant in grants {
                        let descriptor = try open(grant)
                        entries.append(.tuple([try call.own(descriptor, "descriptor"), .string(grant.guestName)]))
                    }
                    return .list(entries)
                }
            ])
    }

    /// Opens what a grant names (the user's word: the system resolves it, links included). A
    /// directory becomes a directory descriptor; a file, a file descriptor open for what the
    /// grant allows (wasmsh's single-file grant: see `WASIDescriptor.isGrantedFile`). A grant
    /// whose path cannot be opened traps the guest with the reason, as `wasmtime run` refuses
    /// to start without its `--dir`.
    static func open(_ grant: PreopenGrant) throws -> WASIDescriptor {
        let path = grant.hostPath
        var before = stat()
        guard stat(path, &before) == 0 else {
            throw HostError(
                "wasi:filesystem: the granted \(QuotedPath(path)) (\(grant.name)) cannot be opened: "
                    + SystemFiles.message(for: errno))
        }
        let isDirectory = SystemFiles.isType(before.st_mode, S_IFDIR)
        let access = grant.access
        let mode: Int32 =
            isDirectory
            ? O_RDONLY | O_DIRECTORY
            : (access == .readWrite ? O_RDWR : access == .write ? O_WRONLY : O_RDONLY) | O_NONBLOCK | O_NOCTTY
        let descriptor = SystemFiles.openAt(AT_FDCWD, path, mode | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HostError(
                "wasi:filesystem: the granted \(QuotedPath(path)) (\(grant.name)) cannot be opened: "
                    + SystemFiles.message(for: errno))
        }
        let file = OpenFile(descriptor)
        guard case .success(let after) = file.status(), FileIdentity(after) == FileIdentity(before) else {
            throw HostError("wasi:filesystem: the granted \(QuotedPath(path)) changed while it was opened")
        }
        if isDirectory {
            return WASIDescriptor(
                file: file, kind: .directory, hostPath: path, grant: grant,
                flags: access.contains(.write) ? ["read", "mutate-directory"] : ["read"])
        }
        var flags: [String] = []
        if access.contains(.read) { flags.append("read") }
        if access.contains(.write) { flags.append("write") }
        return WASIDescriptor(file: file, kind: .file, hostPath: path, grant: grant, flags: flags, isGrantedFile: true)
    }
}
