/// Walks a path beneath an anchor directory, one name at a time, never letting the kernel
/// resolve more than a single name: every step is `openat(current, name, O_NOFOLLOW | ...)` from a
/// directory handle already held, so no `..`, symbolic link or concurrent rename can carry the
/// walk out of the anchor unnoticed. `open` opens a regular file for reading (the sandbox's
/// `read-file`); `walk` hands the last name to the caller's own step (a WASI guest's `open-at`,
/// `stat-at`, `unlink-file-at`...).
///
/// Symbolic links are resolved by the walk itself: a relative target continues from the link's
/// directory (its `..` climb the directories the walk has entered, never above the anchor), an
/// absolute target must lie lexically inside the anchor's path and continues from the anchor
/// (unless `absoluteTargetsEscape`). For the whole filesystem (anchor `/`) every target is inside.
/// At most `SystemFiles.symbolicLinkLimit` links. Names are bytes: a link target that is not UTF-8
/// is followed as the bytes it is. The directories entered are kept by `DirectoryTrail`, which
/// holds a bounded number of descriptors however deep the path goes.
struct BeneathWalk {
    /// The request as the guest wrote it, for messages.
    let requestedPath: String
    /// The anchor directory handle (owned by the caller) and its lexical absolute path.
    let anchor: Int32
    let anchorComponents: [Substring]
    /// The scope's display form, for messages.
    let scopeName: String
    /// True when the anchor is `/`: nothing can escape it, and `..` at the top stays at `/`.
    let isWholeFilesystem: Bool
    /// Files and directories an explicit deny covers; the walk refuses to pass through or open them.
    let denied: [(identity: FileIdentity, scope: String)]

    /// Whether an absolute link target always leads out, even one that names a place inside the
    /// anchor: true for a WASI directory, as wasmtime's cap-std has it (a guest's links are
    /// relative to where they are, never to the host's root).
    var absoluteTargetsEscape = false

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let dotName: ArraySlice<UInt8> = [dot][...]

    /// The last name of a walked path, in the directory that holds it: what a caller's last step
    /// works on.
    struct LastName {
        /// The directory holding it, owned by the walk: valid only during the step.
        let directory: Int32
        /// The name, never `..`; `.` when the path ends at a directory (`dir/..`, `.`, the anchor).
        let name: ArraySlice<UInt8>
        /// The path asks for a directory here (it ended in `/` or `/.`, or a link it followed did).
        let mustBeDirectory: Bool
        /// The names of the directories entered below the anchor, outermost first.
        let directories: [ArraySlice<UInt8>]

        var endsAtDirectory: Bool { name.count == 1 && name.first == BeneathWalk.dot }
    }

    /// What a caller's last step decided.
    enum LastStep<Value> {
        case done(Value)
        /// The name is a symbolic link the step follows: the walk goes on with its target.
        case followLink
        case failed(FileAccessError)
    }

    /// Why a walk stopped, where (the absolute names up to the one it stopped at), and where the
    /// path leads when read lexically from there (`..` applied): what the guest asked to reach,
    /// for an audit record.
    struct Stop: Error {
        let error: FileAccessError
        let reached: [ArraySlice<UInt8>]
        let leadsTo: [ArraySlice<UInt8>]
    }

    /// Walks `components` (cleaned names relative to the anchor) and returns an open, regular
    /// file. `endsAsDirectory`: the request ended in `/` or `/.`, so, as POSIX has it, its last
    /// name must be a directory (and a file there is "not a directory").
    func open(_ components: ArraySlice<Substring>, endsAsDirectory: Bool) -> Result<OpenedFile, FileAccessError> {
        walk(Self.names(of: components), endsAsDirectory: endsAsDirectory) { last in
            openFinal(last.name, in: last.directory, mustBeDirectory: last.mustBeDirectory)
        }.mapError(\.error)
    }

    /// Walks `names` (relative to the anchor; `..` is walked, climbing only the directories the
    /// walk entered) and hands the last name, in the directory that holds it, to `lastStep`. The
    /// names before it are entered one at a time with `O_NOFOLLOW | O_DIRECTORY`, symbolic links
    /// among them followed by the walk itself; `lastStep` decides whether the last name is a link
    /// to follow. Nothing the walk holds outlives it.
    func walk<Value>(
        _ names: [ArraySlice<UInt8>], endsAsDirectory: Bool, lastStep: (LastName) -> LastStep<Value>
    ) -> Result<Value, Stop> {
        var trail = DirectoryTrail(anchor: anchor)
        defer { trail.closeAll() }
        // Names still to walk, last first; `.` and empty names never enter, so the walk is at its
        // last name exactly when nothing is pending.
        var pending = names.reversed() as [ArraySlice<UInt8>]
        var lastMustBeDirectory = endsAsDirectory
        var linksFollowed = 0

        while true {
            guard let name = pending.popLast() else {
                // The path ended on a directory (`dir/.`, `dir/sub/..`, or the anchor itself).
                let directory: Int32
                switch trail.currentDirectory(reopen: reopenStep) {
                case .success(let descriptor): directory = descriptor
                case .failure(let error): return .failure(stop(error, trail, [], pending))
                }
                let last = LastName(
                    directory: directory, name: Self.dotName, mustBeDirectory: true, directories: trail.path)
                switch lastStep(last) {
                case .done(let value): return .success(value)
                case .followLink: return .failure(stop(.changedWhileOpening(path: requestedPath), trail, [], []))
                case .failed(let error): return .failure(stop(error, trail, [], []))
                }
            }
            if Self.isDotDot(name) {
                if !trail.climb() && !isWholeFilesystem {
                    return .failure(stop(.escapesScope(path: requestedPath, scope: scopeName), trail, [name], pending))
                }
                continue
            }
            let directory: Int32
            switch trail.currentDirectory(reopen: reopenStep) {
            case .success(let descriptor): directory = descriptor
            case .failure(let error): return .failure(stop(error, trail, [name], pending))
            }
            let isLastName = pending.isEmpty

            if isLastName {
                let last = LastName(
                    directory: directory, name: name, mustBeDirectory: lastMustBeDirectory, directories: trail.path)
                switch lastStep(last) {
                case .done(let value): return .success(value)
                case .followLink: break
                case .failed(let error): return .failure(stop(error, trail, [name], []))
                }
            } else {
                let descriptor = SystemFiles.openAt(directory, name, SystemFiles.directoryStep)
                if descriptor >= 0 {
                    if let error = deniedCheck(descriptor) {
                        close(descriptor)
                        return .failure(stop(error, trail, [name], pending))
                    }
                    trail.descend(into: name, descriptor: descriptor)
                    continue
                }
                let code = SystemFiles.lastError
                guard code == ENOTDIR || code == ELOOP, isSymbolicLink(name, in: directory) else {
                    return .failure(stop(error(code, operation: "opening"), trail, [name], pending))
                }
            }

            // `name` is a symbolic link: splice its target into the walk.
            linksFollowed += 1
            if linksFollowed > SystemFiles.symbolicLinkLimit {
                let error = FileAccessError.tooManySymbolicLinks(
                    path: requestedPath, limit: SystemFiles.symbolicLinkLimit)
                return .failure(stop(error, trail, [name], pending))
            }
            guard let target = SystemFiles.readLink(at: directory, name) else {
                return .failure(
                    stop(error(SystemFiles.lastError, operation: "reading the link in"), trail, [name], pending))
            }
            if target.isEmpty { return .failure(stop(.notFound(path: requestedPath), trail, [name], pending)) }
            // A link that ends the path and whose target ends in `/` or `/.` names a directory.
            if isLastName && Self.endsAsDirectory(target) { lastMustBeDirectory = true }
            let targetNames = Self.names(of: target)
            if target[0] == Self.slash {
                let cleaned = Self.cleanedAbsolute(targetNames)
                guard !absoluteTargetsEscape || isWholeFilesystem, hasAnchorPrefix(cleaned) else {
                    let leadsTo = Self.cleanedAbsolute(cleaned + pending.reversed())
                    let error = FileAccessError.escapesScope(path: requestedPath, scope: scopeName)
                    return .failure(Stop(error: error, reached: cleaned, leadsTo: leadsTo))
                }
                trail.reset()
                pending.append(contentsOf: cleaned.dropFirst(anchorComponents.count).reversed())
            } else {
                pending.append(contentsOf: targetNames.reversed())
            }
        }
    }

    /// A stop at the trail's directory, before `names` and what is `pending` (last first).
    private func stop(
        _ error: FileAccessError, _ trail: DirectoryTrail, _ names: [ArraySlice<UInt8>],
        _ pending: [ArraySlice<UInt8>]
    ) -> Stop {
        var path = Self.names(of: anchorComponents[...])
        path += trail.path
        path += names
        let reached = Self.cleanedAbsolute(path)
        path += pending.reversed()
        return Stop(error: error, reached: reached, leadsTo: Self.cleanedAbsolute(path))
    }

    /// The identity's denied scope, if an explicit deny covers the file `status` describes.
    func deniedScope(of status: stat) -> String? {
        if denied.isEmpty { return nil }
        let identity = FileIdentity(status)
        return denied.first { $0.identity == identity }?.scope
    }

    /// Looks at the last name without following it, then opens it only if it is a regular file.
    /// The look comes first so that a device or FIFO is never opened at all; the open re-checks
    /// that it got the very file it looked at.
    private func openFinal(_ name: ArraySlice<UInt8>, in directory: Int32, mustBeDirectory: Bool)
        -> LastStep<OpenedFile>
    {
        var before = stat()
        guard SystemFiles.statAt(directory, name, &before, AT_SYMLINK_NOFOLLOW) else {
            return .failed(error(SystemFiles.lastError, operation: "looking up"))
        }
        if SystemFiles.isType(before.st_mode, S_IFLNK) { return .followLink }
        if SystemFiles.isType(before.st_mode, S_IFDIR) { return .failed(.isADirectory(path: requestedPath)) }
        if mustBeDirectory {
            if let match = denied.first(where: { $0.identity == FileIdentity(before) }) {
                return .failed(.reachesDeniedScope(path: requestedPath, scope: match.scope))
            }
            return .failed(.notADirectoryAtEnd(path: requestedPath, kind: SystemFiles.kind(of: before.st_mode)))
        }
        guard SystemFiles.isType(before.st_mode, S_IFREG) else {
            return .failed(.notRegularFile(path: requestedPath, kind: SystemFiles.kind(of: before.st_mode)))
        }
        let descriptor = SystemFiles.openAt(directory, name, SystemFiles.fileRead)
        guard descriptor >= 0 else {
            let code = SystemFiles.lastError
            if code == ELOOP { return .failed(.changedWhileOpening(path: requestedPath)) }
            return .failed(error(code, operation: "opening"))
        }
        var after = stat()
        guard fstat(descriptor, &after) == 0, SystemFiles.isType(after.st_mode, S_IFREG),
            FileIdentity(after) == FileIdentity(before)
        else {
            close(descriptor)
            return .failed(.changedWhileOpening(path: requestedPath))
        }
        if let error = deniedCheck(descriptor) {
            close(descriptor)
            return .failed(error)
        }
        return .done(OpenedFile(descriptor: descriptor, status: after))
    }

    /// Reopens a directory the walk entered before (after a climb closed it): the same step as
    /// going down the first time. It was a directory then; anything else now is a concurrent change.
    private func reopenStep(_ directory: Int32, _ name: ArraySlice<UInt8>) -> Result<Int32, FileAccessError> {
        let descriptor = SystemFiles.openAt(directory, name, SystemFiles.directoryStep)
        guard descriptor >= 0 else {
            let code = SystemFiles.lastError
            if code == ENOTDIR || code == ELOOP || code == ENOENT {
                return .failure(.changedWhileOpening(path: requestedPath))
            }
            return .failure(error(code, operation: "reopening a directory of"))
        }
        if let error = deniedCheck(descriptor) {
            close(descriptor)
            return .failure(error)
        }
        return .success(descriptor)
    }

    private func isSymbolicLink(_ name: ArraySlice<UInt8>, in directory: Int32) -> Bool {
        var status = stat()
        return SystemFiles.statAt(directory, name, &status, AT_SYMLINK_NOFOLLOW)
            && SystemFiles.isType(status.st_mode, S_IFLNK)
    }

    private func deniedCheck(_ descriptor: Int32) -> FileAccessError? {
        if denied.isEmpty { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return error(SystemFiles.lastError, operation: "checking")
        }
        let identity = FileIdentity(status)
        if let match = denied.first(where: { $0.identity == identity }) {
            return .reachesDeniedScope(path: requestedPath, scope: match.scope)
        }
        return nil
    }

    func error(_ code: Int32, operation: String) -> FileAccessError {
        SandboxedFileSystem.error(code, path: requestedPath, operation: operation)
    }

    // MARK: Names as bytes

    /// The components as byte names, all in one buffer.
    static func names(of components: ArraySlice<Substring>) -> [ArraySlice<UInt8>] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(components.reduce(0) { $0 + $1.utf8.count })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(components.count)
        for component in components {
            let start = buffer.count
            buffer.append(contentsOf: component.utf8)
            ranges.append(start..<buffer.count)
        }
        return ranges.map { buffer[$0] }
    }

    /// The names of a link target, `.` and empty names left out (`..` stays: it is walked).
    static func names(of target: [UInt8]) -> [ArraySlice<UInt8>] {
        target.split(separator: slash, omittingEmptySubsequences: true).filter { !($0.count == 1 && $0.first == dot) }
    }

    private static func isDotDot(_ name: ArraySlice<UInt8>) -> Bool {
        name.count == 2 && name.allSatisfy { $0 == dot }
    }

    /// True when a link target ends in `/` or `/.` (or is `.`): what it names must be a directory.
    private static func endsAsDirectory(_ target: [UInt8]) -> Bool {
        guard let last = target.last else { return false }
        if last == slash { return true }
        return last == dot && (target.count == 1 || target[target.count - 2] == slash)
    }

    /// The names of an absolute target with `..` applied lexically (stopping at `/`).
    static func cleanedAbsolute(_ names: [ArraySlice<UInt8>]) -> [ArraySlice<UInt8>] {
        var stack: [ArraySlice<UInt8>] = []
        for name in names {
            if isDotDot(name) {
                if !stack.isEmpty { stack.removeLast() }
            } else {
                stack.append(name)
            }
        }
        return stack
    }

    /// True when `names` starts with the anchor's own path, byte for byte.
    private func hasAnchorPrefix(_ names: [ArraySlice<UInt8>]) -> Bool {
        guard names.count >= anchorComponents.count else { return false }
        for (name, component) in zip(names, anchorComponents) where !name.elementsEqual(component.utf8) {
            return false
        }
        return true
    }
}

/// A regular file opened for reading, with what `fstat` said of it once open: the reader
/// needs its size, and asking again would be one more system call per read.
struct OpenedFile {
    let descriptor: Int32
    let status: stat
}
