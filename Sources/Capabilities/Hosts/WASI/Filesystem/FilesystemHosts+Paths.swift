import WasmComponent

extension FilesystemHosts {
    /// `ok` when a system call returned 0, else the `error-code` of its `errno`.
    static func outcome(_ result: Int32) -> Result<ComponentValue?, FilesystemErrorCode> {
        result == 0 ? .success(nil) : .failure(FilesystemErrorCode(errno: errno))
    }

    /// `ok(value)` or `err(code)`.
    static func answer(_ result: Result<ComponentValue?, FilesystemErrorCode>) -> ComponentValue {
        switch result {
        case .success(let value): return .result(.ok(value))
        case .failure(let code): return code.failure
        }
    }

    /// A system call on one name of a directory, the name as a C string.
    static func onName<Result>(_ last: BeneathWalk.LastName, _ body: (UnsafePointer<CChar>) -> Result) -> Result? {
        SystemFiles.withCName(last.name, orElse: nil) { body($0) }
    }

    static func openAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) throws -> ComponentValue {
        let follow = try FilesystemValues.flags(call.argument(1)).contains("symlink-follow")
        guard let request = openRequest(call.arguments) else { throw WASICall.malformed("open-at needs flags") }
        if descriptor.kind == .file {
            guard descriptor.isGrantedFile, path == "." else { return FilesystemErrorCode.notDirectory.failure }
            return try reopen(call, descriptor, request)
        }
        // As wasmtime, in its order.
        if request.asksForSync { return FilesystemErrorCode.unsupported.failure }
        if request.directory && (request.create || request.exclusive || request.truncate) {
            return FilesystemErrorCode.invalid.failure
        }
        let denied = WASIDescriptor.identities(of: call.authorization.deniedScopes(for: request.access))
        let opened = walk(
            call, descriptor, path, followLast: follow && !(request.create && request.exclusive), access: request.access
        ) { last, hostPath -> Result<WASIDescriptor, FilesystemErrorCode> in
            let flags = request.systemFlags | (last.mustBeDirectory ? O_DIRECTORY : 0)
            let opened: Int32? = onName(last) { name in
                while true {
                    let opened = openat(last.directory, name, flags, 0o666)
                    if opened >= 0 || errno != EINTR { return opened }
                }
            }
            guard let opened, opened >= 0 else { return .failure(FilesystemErrorCode(errno: errno)) }
            let file = OpenFile(opened)
            guard case .success(let status) = file.status() else { return .failure(.io) }
            // A hard link or a race may put a denied file here: the identity says.
            if denied.contains(where: { $0.identity == FileIdentity(status) }) { return .failure(.access) }
            let isDirectory = SystemFiles.isType(status.st_mode, S_IFDIR)
            return .success(
                WASIDescriptor(
                    file: file, kind: isDirectory ? .directory : .file, hostPath: hostPath, grant: descriptor.grant,
                    flags: request.descriptorFlags(directory: isDirectory)))
        }
        switch opened {
        case .success(let new): return .result(.ok(try call.own(new, "descriptor")))
        case .failure(let code): return code.failure
        }
    }

    /// `open-at(".")` of a single-file grant: the same file, for what the call asks and the
    /// grant allows (the policy decided the access at its path).
    static func reopen(_ call: WASICall, _ descriptor: WASIDescriptor, _ request: OpenRequest) throws
        -> ComponentValue
    {
        guard case .success(let file) = descriptor.openFile() else { return FilesystemErrorCode.badDescriptor.failure }
        if request.directory { return FilesystemErrorCode.notDirectory.failure }
        if request.create && request.exclusive { return FilesystemErrorCode.exist.failure }
        if request.asksForSync { return FilesystemErrorCode.unsupported.failure }
        let flags = request.descriptorFlags(directory: false).filter { descriptor.flags.contains($0) }
        if request.write && !flags.contains("write") { return FilesystemErrorCode.notPermitted.failure }
        if request.truncate, ftruncate(file.descriptor, 0) != 0 { return FilesystemErrorCode(errno: errno).failure }
        let reopened = WASIDescriptor(
            file: file, kind: .file, hostPath: descriptor.hostPath, grant: descriptor.grant, flags: flags)
        return .result(.ok(try call.own(reopened, "descriptor")))
    }

    /// `stat-at` and `metadata-hash-at`: the status of what the path names.
    static func statAt(
        _ call: WASICall, _ descriptor: WASIDescriptor, _ path: String, _ value: (stat) -> ComponentValue
    ) -> ComponentValue {
        let follow = (try? FilesystemValues.flags(call.argument(1)).contains("symlink-follow")) ?? false
        if descriptor.isGrantedFile && path == "." { return statusResult(descriptor, value) }
        return answer(
            walk(call, descriptor, path, followLast: follow, access: .read) { last, _ in
                var status = stat()
                guard SystemFiles.statAt(last.directory, last.name, &status, AT_SYMLINK_NOFOLLOW) else {
                    return .failure(FilesystemErrorCode(errno: errno))
                }
                if last.mustBeDirectory && !SystemFiles.isType(status.st_mode, S_IFDIR) {
                    return .failure(.notDirectory)
                }
                return .success(value(status))
            })
    }

    static func setTimesAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) throws -> ComponentValue {
        let follow = try FilesystemValues.flags(call.argument(1)).contains("symlink-follow")
        guard let access = try FilesystemValues.timestamp(call.argument(3)),
            let modification = try FilesystemValues.timestamp(call.argument(4))
        else { return FilesystemErrorCode.overflow.failure }
        let times = [access, modification]
        if descriptor.isGrantedFile && path == ".", case .success(let file) = descriptor.openFile() {
            return answer(outcome(times.withUnsafeBufferPointer { futimens(file.descriptor, $0.baseAddress) }))
        }
        return answer(
            walk(call, descriptor, path, followLast: follow, access: .write) { last, _ in
                outcome(
                    onName(last) { name in
                        times.withUnsafeBufferPointer {
                            utimensat(last.directory, name, $0.baseAddress, AT_SYMLINK_NOFOLLOW)
                        }
                    } ?? -1)
            })
    }

    static func createDirectoryAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) -> ComponentValue {
        answer(
            walk(call, descriptor, path, followLast: false, access: .write) { last, _ in
                outcome(onName(last) { mkdirat(last.directory, $0, 0o777) } ?? -1)
            })
    }

    static func removeDirectoryAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) -> ComponentValue {
        answer(
            walk(call, descriptor, path, followLast: false, access: .write) { last, hostPath in
                if let refused = holdsDenied(hostPath, call) { return .failure(refused) }
                return outcome(onName(last) { unlinkat(last.directory, $0, AT_REMOVEDIR) } ?? -1)
            })
    }

    /// Removes a file or a symbolic link (never what it points to); a path ending in `/` names
    /// a directory, which this does not remove.
    static func unlinkFileAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) -> ComponentValue {
        answer(
            walk(call, descriptor, path, followLast: false, access: .write) { last, _ in
                if last.mustBeDirectory {
                    var status = stat()
                    guard SystemFiles.statAt(last.directory, last.name, &status, AT_SYMLINK_NOFOLLOW) else {
                        return .failure(FilesystemErrorCode(errno: errno))
                    }
                    return .failure(SystemFiles.isType(status.st_mode, S_IFDIR) ? .isDirectory : .notDirectory)
                }
                return outcome(onName(last) { unlinkat(last.directory, $0, 0) } ?? -1)
            })
    }

    /// A link's target, at most `LexicalPath.maximumPathBytes`. As wasmtime: an absolute target
    /// is `not-permitted` (it names the host's root, not the guest's), and one that is not UTF-8
    /// cannot be a WIT string.
    static func readlinkAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) -> ComponentValue {
        answer(
            walk(call, descriptor, path, followLast: false, access: .read) { last, _ in
                guard let target = SystemFiles.readLink(at: last.directory, last.name) else {
                    return .failure(FilesystemErrorCode(errno: errno))
                }
                if target.first == UInt8(ascii: "/") { return .failure(.notPermitted) }
                guard let text = String(validating: target, as: UTF8.self) else {
                    return .failure(.illegalByteSequence)
                }
                return .success(.string(text))
            })
    }

    /// `symlink-at(target, path)`: as wasmtime, an absolute target is `not-permitted`; a
    /// relative one is written as it is (following it later is walked like any path).
    static func symlinkAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) throws -> ComponentValue {
        let target = try call.string(1)
        if LexicalPath.isAbsolute(target) { return FilesystemErrorCode.notPermitted.failure }
        switch LexicalPath.problem(in: target) {
        case .empty?: return FilesystemErrorCode.noEntry.failure
        case .containsNUL?: return FilesystemErrorCode.invalid.failure
        case .tooLong?, .componentTooLong?: return FilesystemErrorCode.nameTooLong.failure
        case nil: break
        }
        return answer(
            walk(call, descriptor, path, followLast: false, access: .write) { last, _ in
                outcome(onName(last) { symlinkat(target, last.directory, $0) } ?? -1)
            })
    }

    /// `rename-at(old, new-descriptor, new)`: the source was decided before the call; the
    /// destination, beneath the other descriptor, is checked against the policy here. Moving a
    /// directory that holds an explicitly denied one would carry it out of its deny: refused.
    static func renameAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) throws -> ComponentValue {
        let target = try call.object(2, as: WASIDescriptor.self)
        let newPath = try call.string(3)
        return answer(
            walk(call, descriptor, path, followLast: false, access: .write) { old, oldHostPath in
                if let refused = holdsDenied(oldHostPath, call) { return .failure(refused) }
                return destination(call, target, newPath) { new in
                    outcome(
                        onName(old) { oldName in
                            onName(new) { renameat(old.directory, oldName, new.directory, $0) } ?? -1
                        } ?? -1)
                }
            })
    }

    /// `link-at(flags, old, new-descriptor, new)`: a new name for a file needs writing at both
    /// (it could be written through the new one); following a link is `invalid`, as wasmtime.
    static func linkAt(_ call: WASICall, _ descriptor: WASIDescriptor, _ path: String) throws -> ComponentValue {
        if try FilesystemValues.flags(call.argument(1)).contains("symlink-follow") {
            return FilesystemErrorCode.invalid.failure
        }
        let target = try call.object(3, as: WASIDescriptor.self)
        let newPath = try call.string(4)
        return answer(
            walk(call, descriptor, path, followLast: false, access: .write) { old, _ in
                destination(call, target, newPath) { new in
                    outcome(
                        onName(old) { oldName in
                            onName(new) { linkat(old.directory, oldName, new.directory, $0, 0) } ?? -1
                        } ?? -1)
                }
            })
    }

    /// Walks the destination of a rename or link beneath `target`, checks the policy allows
    /// writing there through `target`'s grant, and runs `body` on its last name.
    static func destination(
        _ call: WASICall, _ target: WASIDescriptor, _ path: String,
        _ body: (BeneathWalk.LastName) -> Result<ComponentValue?, FilesystemErrorCode>
    ) -> Result<ComponentValue?, FilesystemErrorCode> {
        let denied = WASIDescriptor.identities(of: call.authorization.deniedScopes(for: .write))
        return target.walk(path, followLast: false, denied: denied) { new, hostPath in
            if let refused = check(call, target, hostPath, .write) { return .failure(refused) }
            return body(new)
        }.mapError(\.code)
    }

    /// `access` when an explicitly denied place lies beneath `hostPath` (so that moving or
    /// removing it would take the deny's place away); nil otherwise.
    static func holdsDenied(_ hostPath: String, _ call: WASICall) -> FilesystemErrorCode? {
        let cleaned = LexicalPath.cleanedAbsoluteBytes(of: hostPath, root: [])
        let beneath = call.authorization.deniedScopes(for: .readWrite).contains { scope in
            scope.absoluteBytes.count > cleaned.count
                && cleaned.withUnsafeBufferPointer { prefix in
                    scope.absoluteBytes.withUnsafeBufferPointer { LexicalPath.covers(scope: prefix, request: $0) }
                }
        }
        return beneath ? .access : nil
    }
}
