import WasmComponent

/// `wasi:filesystem`: `preopens` hands out the directories (or single files) granted on it, and
/// `types` works on them. Every call on a descriptor needs the grant it flows from
/// (`HostAuthority.inherited` of the preopens import): a path beneath a directory is resolved
/// first, as wasmtime resolves it (never out of the directory: `..` above it, an absolute path and
/// a link leading out are `not-permitted`), and the policy decides the host path it reaches, so
/// the scopes and explicit denies of `wasi:filesystem` hold inside a preopen and the audit names
/// the file. A refusal is the `error-code` wasmtime would give, never a trap.
enum FilesystemHosts {
    static let descriptor = "borrow<descriptor>"
    static let noValue = FilesystemValues.result(nil)

    static var types: WASIHost {
        let reading: (HostCallRequest) -> PathAccess = { _ in .read }
        let writing: (HostCallRequest) -> PathAccess = { _ in .write }
        let never: (HostCallRequest) -> Bool = { _ in false }
        let followFlag: (HostCallRequest) -> Bool = { flag($0, 1, "symlink-follow") }
        let string = "string"
        return WASIHost(
            "wasi:filesystem/types",
            [
                "[method]descriptor.read-via-stream": onDescriptor(
                    "func(\(descriptor), u64) -> \(FilesystemValues.result("own<input-stream>"))", .read, readViaStream),
                "[method]descriptor.write-via-stream": onDescriptor(
                    "func(\(descriptor), u64) -> \(FilesystemValues.result("own<output-stream>"))", .write
                ) { call, descriptor in try writeViaStream(call, descriptor, at: .offset(try call.u64(1))) },
                "[method]descriptor.append-via-stream": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result("own<output-stream>"))", .write
                ) { call, descriptor in try writeViaStream(call, descriptor, at: .end) },
                "[method]descriptor.advise": onDescriptor(
                    "func(\(descriptor), u64, u64, \(FilesystemValues.advice)) -> \(noValue)", .read, advise),
                "[method]descriptor.sync-data": onDescriptor("func(\(descriptor)) -> \(noValue)", .read) {
                    _, descriptor in
                    sync(descriptor, dataOnly: true)
                },
                "[method]descriptor.get-flags": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result(FilesystemValues.descriptorFlags))", .read
                ) { _, descriptor in .result(.ok(.flags(descriptor.flags))) },
                "[method]descriptor.get-type": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result(FilesystemValues.descriptorType))", .read, getType
                ),
                "[method]descriptor.set-size": onDescriptor("func(\(descriptor), u64) -> \(noValue)", .write, setSize),
                "[method]descriptor.set-times": onDescriptor(
                    "func(\(descriptor), \(FilesystemValues.newTimestamp), \(FilesystemValues.newTimestamp)) -> \(noValue)",
                    .write, setTimes),
                "[method]descriptor.read": onDescriptor(
                    "func(\(descriptor), u64, u64) -> \(FilesystemValues.result("tuple<list<u8>, bool>"))", .read, read),
                "[method]descriptor.write": onDescriptor(
                    "func(\(descriptor), list<u8>, u64) -> \(FilesystemValues.result("u64"))", .write, write),
                "[method]descriptor.read-directory": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result("own<directory-entry-stream>"))", .read,
                    readDirectory),
                "[method]descriptor.sync": onDescriptor("func(\(descriptor)) -> \(noValue)", .read) { _, descriptor in
                    sync(descriptor, dataOnly: false)
                },
                "[method]descriptor.stat": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result(FilesystemValues.descriptorStat))", .read
                ) { _, descriptor in statusResult(descriptor) { FilesystemValues.stat($0) } },
                "[method]descriptor.is-same-object": isSameObject,
                "[method]descriptor.metadata-hash": onDescriptor(
                    "func(\(descriptor)) -> \(FilesystemValues.result(FilesystemValues.metadataHash))", .read
                ) { _, descriptor in statusResult(descriptor) { FilesystemValues.metadataHash($0) } },

                "[method]descriptor.open-at": atPath(
                    "func(\(descriptor), \(FilesystemValues.pathFlags), \(string), \(FilesystemValues.openFlags), "
                        + "\(FilesystemValues.descriptorFlags)) -> \(FilesystemValues.result("own<descriptor>"))",
                    path: 2, follow: { followFlag($0) && !(flag($0, 3, "create") && flag($0, 3, "exclusive")) },
                    access: { openRequest($0.arguments)?.access ?? .read }, openAt),
                "[method]descriptor.stat-at": atPath(
                    "func(\(descriptor), \(FilesystemValues.pathFlags), \(string)) -> "
                        + FilesystemValues.result(FilesystemValues.descriptorStat),
                    path: 2, follow: followFlag, access: reading
                ) { call, descriptor, path in
                    statAt(call, descriptor, path) { FilesystemValues.stat($0) }
                },
                "[method]descriptor.metadata-hash-at": atPath(
                    "func(\(descriptor), \(FilesystemValues.pathFlags), \(string)) -> "
                        + FilesystemValues.result(FilesystemValues.metadataHash),
                    path: 2, follow: followFlag, access: reading
                ) { call, descriptor, path in
                    statAt(call, descriptor, path) { FilesystemValues.metadataHash($0) }
                },
                "[method]descriptor.set-times-at": atPath(
                    "func(\(descriptor), \(FilesystemValues.pathFlags), \(string), \(FilesystemValues.newTimestamp), "
                        + "\(FilesystemValues.newTimestamp)) -> \(noValue)",
                    path: 2, follow: followFlag, access: writing, setTimesAt),
                "[method]descriptor.create-directory-at": atPath(
                    "func(\(descriptor), \(string)) -> \(noValue)", path: 1, follow: never, access: writing,
                    createDirectoryAt),
                "[method]descriptor.remove-directory-at": atPath(
                    "func(\(descriptor), \(string)) -> \(noValue)", path: 1, follow: never, access: writing,
                    removeDirectoryAt),
                "[method]descriptor.unlink-file-at": atPath(
                    "func(\(descriptor), \(string)) -> \(noValue)", path: 1, follow: never, access: writing,
                    unlinkFileAt),
                "[method]descriptor.readlink-at": atPath(
                    "func(\(descriptor), \(string)) -> \(FilesystemValues.result(string))", path: 1, follow: never,
                    access: reading, readlinkAt),
                "[method]descriptor.symlink-at": atPath(
                    "func(\(descriptor), \(string), \(string)) -> \(noValue)", path: 2, follow: never, access: writing,
                    symlinkAt),
                "[method]descriptor.rename-at": atPath(
                    "func(\(descriptor), \(string), \(descriptor), \(string)) -> \(noValue)", path: 1, follow: never,
                    access: writing, renameAt),
                "[method]descriptor.link-at": atPath(
                    "func(\(descriptor), \(FilesystemValues.pathFlags), \(string), \(descriptor), \(string)) -> "
                        + noValue,
                    path: 2, follow: never, access: writing, linkAt),

                "[method]directory-entry-stream.read-directory-entry": readDirectoryEntry,
                "filesystem-error-code": .free(
                    "func(borrow<error>) -> option<\(FilesystemErrorCode.witType)>", "an error it holds"
                ) { call in
                    // Only an error of a file's stream has a filesystem code.
                    let code = try call.object(0, as: WASIError.self).code.flatMap(FilesystemErrorCode.init(rawValue:))
                    return .option(code?.value)
                },
            ])
    }
}
