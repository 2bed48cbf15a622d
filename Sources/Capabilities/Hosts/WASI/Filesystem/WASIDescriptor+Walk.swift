extension WASIDescriptor {
    /// Why a guest path beneath a descriptor failed, and the host path it names for the audit
    /// and the policy: where it leads (lexically) for an escape, else where the walk stopped.
    struct PathFailure: Error {
        let code: FilesystemErrorCode
        let hostPath: String
    }

    /// Walks the guest's `path` beneath this directory as wasmtime resolves it, and runs `step` on
    /// its last name with the host path that name is at. An absolute path, `..` above the
    /// directory, and a symbolic link whose target is absolute or climbs out are `not-permitted`;
    /// other links are followed by the walk (`BeneathWalk`), the last name's only when
    /// `followLast` (or the path ends in `/`). `denied`: files an explicit deny covers, refused
    /// wherever the walk meets them (through a link, a hard link). `step` acts on the name without
    /// following it; its failure comes back with the host path it was at.
    func walk<Value>(
        _ path: String, followLast: Bool, denied: [(identity: FileIdentity, scope: String)] = [],
        _ step: (BeneathWalk.LastName, String) -> Result<Value, FilesystemErrorCode>
    ) -> Result<Value, PathFailure> {
        guard kind == .directory else { return .failure(PathFailure(code: .notDirectory, hostPath: hostPath)) }
        guard let file else { return .failure(PathFailure(code: .badDescriptor, hostPath: hostPath)) }
        switch LexicalPath.problem(in: path) {
        case .empty?: return .failure(PathFailure(code: .noEntry, hostPath: hostPath))
        case .containsNUL?: return .failure(PathFailure(code: .invalid, hostPath: hostPath))
        case .tooLong?, .componentTooLong?: return .failure(PathFailure(code: .nameTooLong, hostPath: hostPath))
        case nil: break
        }
        if LexicalPath.isAbsolute(path) {
            return .failure(PathFailure(code: .notPermitted, hostPath: LexicalPath.displayForm(of: path)))
        }
        let walker = BeneathWalk(
            requestedPath: path, anchor: file.descriptor, anchorComponents: hostComponents, scopeName: grant.name,
            isWholeFilesystem: false, denied: denied, absoluteTargetsEscape: true)
        let names = BeneathWalk.names(of: Array(path.utf8))
        let result = walker.walk(names, endsAsDirectory: SandboxedFileSystem.endsAsDirectory(path)) {
            last -> BeneathWalk.LastStep<Result<Value, PathFailure>> in
            var status = stat()
            if SystemFiles.statAt(last.directory, last.name, &status, AT_SYMLINK_NOFOLLOW) {
                if (followLast || last.mustBeDirectory) && SystemFiles.isType(status.st_mode, S_IFLNK) {
                    return .followLink
                }
                if let scope = walker.deniedScope(of: status) {
                    return .failed(.reachesDeniedScope(path: path, scope: scope))
                }
            }
            let resolved = hostPath(of: last)
            return .done(step(last, resolved).mapError { PathFailure(code: $0, hostPath: resolved) })
        }
        switch result {
        case .success(let outcome): return outcome
        case .failure(let stop):
            // An escape names where it leads (outside); any other failure, where the walk stopped,
            // so that the policy refuses the escape, and lets the call fail as the system says.
            let code = FilesystemErrorCode(stop.error)
            let names = code == .notPermitted ? stop.leadsTo : stop.reached
            return .failure(PathFailure(code: code, hostPath: Self.path(of: names)))
        }
    }

    /// The host path `path` resolves to beneath this directory (where a call on it acts), or,
    /// when it cannot be walked, where it leads lexically: what the policy decides and the audit
    /// records before the call runs.
    func hostPath(resolving path: String, followLast: Bool) -> String {
        guard kind == .directory else { return hostPath }
        switch walk(path, followLast: followLast, { .success($1) }) {
        case .success(let resolved): return resolved
        case .failure(let failure): return failure.hostPath
        }
    }

    /// The host path of a walk's last name.
    func hostPath(of last: BeneathWalk.LastName) -> String {
        var names = BeneathWalk.names(of: hostComponents[...])
        names += last.directories
        if !last.endsAtDirectory { names.append(last.name) }
        return Self.path(of: names)
    }

    /// `/a/b` of the names `a`, `b` (not necessarily UTF-8: a link's target is the bytes it is).
    static func path(of names: [ArraySlice<UInt8>]) -> String {
        var bytes: [UInt8] = []
        for name in names {
            bytes.append(UInt8(ascii: "/"))
            bytes += name
        }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }

    /// The files and directories `scopes` name, by identity, for a walk to refuse wherever it
    /// meets them; a scope that does not exist cannot be met.
    static func identities(of scopes: [PathScope]) -> [(identity: FileIdentity, scope: String)] {
        scopes.compactMap { scope in
            var status = stat()
            let path = scope.absoluteBytes.isEmpty ? "/" : String(decoding: scope.absoluteBytes, as: UTF8.self)
            guard stat(path, &status) == 0 else { return nil }
            return (FileIdentity(status), scope.description)
        }
    }
}
