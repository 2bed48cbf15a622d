/// A `wasi:filesystem/types.descriptor`: a directory or file the host opened for the guest, with
/// the grant it flows from and the host path it is at (which the audit names). Its file
/// descriptor is closed when the guest drops it or the instance ends, unless a stream made from it
/// still reads or writes (`OpenFile`).
final class WASIDescriptor: HostObject {
    enum Kind {
        case directory, file
    }

    private(set) var file: OpenFile?
    let kind: Kind
    /// Its absolute host path as the policy spells paths: the grant's path, then the names walked.
    let hostPath: String
    /// `hostPath`'s names, for walks beneath it.
    let hostComponents: [Substring]
    let grant: PreopenGrant
    /// The `descriptor-flags` it was opened with (`read`, `write`, `mutate-directory`).
    let flags: [String]
    /// The file of a single-file grant, handed out as a preopen named by its guest name. A guest's
    /// C library resolves the preopen's own name to `.` beneath it: `open-at`, `stat-at`,
    /// `metadata-hash-at` and `set-times-at` of `.` act on the file (`open-at` reopens it for what
    /// the call asks and the grant allows); any other path is `not-directory`, as beneath any
    /// file. wasmtime has no such preopen.
    let isGrantedFile: Bool
    /// The path call being decided on it and the host path its authority named, from the gate's
    /// question to the call's end: the call acts there without asking the policy again (the
    /// user may have allowed it once), and asks again if the path now leads elsewhere.
    var decided: (function: String, path: String, hostPath: String)?

    init(
        file: OpenFile, kind: Kind, hostPath: String, grant: PreopenGrant, flags: [String], isGrantedFile: Bool = false
    ) {
        self.file = file
        self.kind = kind
        self.hostPath = hostPath
        self.hostComponents = LexicalPath.absoluteComponents(of: hostPath, base: [])
        self.grant = grant
        self.flags = flags
        self.isGrantedFile = isGrantedFile
    }

    var origin: String { "\(QuotedPath(hostPath)) in \(grant.name)" }

    func release() { file = nil }

    /// What a call on it needs: a grant of the preopens interface it came from covering `path`
    /// (its own path, or the host path a guest path beneath it resolves to) with `access`.
    func authority(_ function: String, path: String? = nil, _ access: PathAccess) -> HostAuthority {
        let path = path ?? hostPath
        return .inherited(
            interface: grant.interface, function: function, request: .path(path, access),
            origin: "\(QuotedPath(path)) in \(grant.name)")
    }

    /// The open file, or `bad-descriptor` once released (a stale handle cannot reach here, but a
    /// host must not trust that).
    func openFile() -> Result<OpenFile, FilesystemErrorCode> {
        guard let file else { return .failure(.badDescriptor) }
        return .success(file)
    }
}
