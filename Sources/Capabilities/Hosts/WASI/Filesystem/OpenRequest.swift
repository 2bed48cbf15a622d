import WasmComponent

/// What an `open-at` asks for: its `open-flags` and `descriptor-flags`, read as wasmtime reads
/// them (no `write` means reading; `create` and `truncate` mean writing).
struct OpenRequest {
    let create: Bool
    let exclusive: Bool
    let truncate: Bool
    let directory: Bool
    let read: Bool
    let write: Bool
    /// `file-integrity-sync`, `data-integrity-sync` or `requested-write-sync`: unsupported, as in
    /// wasmtime.
    let asksForSync: Bool
    /// `mutate-directory`, echoed by `get-flags` of a directory it opens.
    let mutateDirectory: Bool

    init?(open: ComponentValue, flags: ComponentValue) {
        guard case .flags(let openFlags) = open, case .flags(let descriptorFlags) = flags else { return nil }
        create = openFlags.contains("create")
        exclusive = openFlags.contains("exclusive")
        truncate = openFlags.contains("truncate")
        directory = openFlags.contains("directory")
        write = descriptorFlags.contains("write") || create || truncate
        read = descriptorFlags.contains("read") || !descriptorFlags.contains("write")
        asksForSync = ["file-integrity-sync", "data-integrity-sync", "requested-write-sync"].contains {
            descriptorFlags.contains($0)
        }
        mutateDirectory = descriptorFlags.contains("mutate-directory")
    }

    /// What the policy must allow at the path.
    var access: PathAccess {
        var access: PathAccess = []
        if read { access.insert(.read) }
        if write { access.insert(.write) }
        return access
    }

    /// The flags of `openat`: never following the last name (the walk has followed it when
    /// asked), never blocking on a FIFO, never becoming the controlling terminal.
    var systemFlags: Int32 {
        var flags = O_CLOEXEC | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK
        flags |= write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY
        if create { flags |= O_CREAT }
        if create && exclusive { flags |= O_EXCL }
        if truncate { flags |= O_TRUNC }
        if directory { flags |= O_DIRECTORY }
        return flags
    }

    /// The `descriptor-flags` of what it opened.
    func descriptorFlags(directory isDirectory: Bool) -> [String] {
        if isDirectory { return mutateDirectory ? ["read", "mutate-directory"] : ["read"] }
        return (read ? ["read"] : []) + (write ? ["write"] : [])
    }
}
