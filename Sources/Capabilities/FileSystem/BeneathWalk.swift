/// Opens one regular file beneath an anchor directory, one name at a time, never letting the kernel
/// resolve more than a single name: every step is `openat(current, name, O_NOFOLLOW | ...)` from a
/// directory handle already held, so no `..`, symbolic link or concurrent rename can carry the
/// walk out of the anchor unnoticed.
///
/// Symbolic links are resolved by the walk itself: a relative target continues from the link's
/// directory (its `..` climb the directories the walk holds, never above the anchor), an absolute
/// target must lie lexically inside the anchor's path and continues from the anchor. For the whole
/// filesystem (anchor `/`) every target is inside. At most `SystemFiles.symbolicLinkLimit` links.
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

    /// Walks `components` (names relative to the anchor) and returns an open, regular file.
    func open(_ components: ArraySlice<Substring>) -> Result<Int32, FileAccessError> {
        var held: [Int32] = [anchor]
        defer { for descriptor in held.dropFirst() { close(descriptor) } }
        // Names still to walk, last first; `.` and empty names never enter, so the walk is at its
        // last name exactly when nothing is pending.
        var pending = components.reversed().filter { $0 != "." && !$0.isEmpty }
        var linksFollowed = 0

        while let name = pending.popLast() {
            if name == ".." {
                if held.count > 1 {
                    close(held.removeLast())
                } else if !isWholeFilesystem {
                    return .failure(.escapesScope(path: requestedPath, scope: scopeName))
                }
                continue
            }
            let directory = held[held.count - 1]
            let nameText = String(name)
            let isLastName = pending.isEmpty

            if isLastName {
                switch openFinal(nameText, in: directory) {
                case .opened(let descriptor):
                    return .success(descriptor)
                case .symbolicLink:
                    break
                case .failed(let error):
                    return .failure(error)
                }
            } else {
                let descriptor = SystemFiles.openAt(directory, nameText, SystemFiles.directoryStep)
                if descriptor >= 0 {
                    if let error = deniedCheck(descriptor) {
                        close(descriptor)
                        return .failure(error)
                    }
                    held.append(descriptor)
                    continue
                }
                let code = SystemFiles.lastError
                guard (code == ENOTDIR || code == ELOOP), isSymbolicLink(nameText, in: directory) else {
                    return .failure(error(code, operation: "opening"))
                }
            }

            // `name` is a symbolic link: splice its target into the walk.
            linksFollowed += 1
            if linksFollowed > SystemFiles.symbolicLinkLimit {
                return .failure(.tooManySymbolicLinks(path: requestedPath, limit: SystemFiles.symbolicLinkLimit))
            }
            guard let target = SystemFiles.readLink(at: directory, nameText) else {
                return .failure(error(SystemFiles.lastError, operation: "reading the link in"))
            }
            if target.isEmpty { return .failure(.notFound(path: requestedPath)) }
            if LexicalPath.isAbsolute(target) {
                let targetComponents = LexicalPath.absoluteComponents(of: target, base: [])
                guard LexicalPath.hasPrefix(targetComponents, anchorComponents) else {
                    return .failure(.escapesScope(path: requestedPath, scope: scopeName))
                }
                for descriptor in held.dropFirst() { close(descriptor) }
                held.removeSubrange(1...)
                pending.append(contentsOf: targetComponents.dropFirst(anchorComponents.count).reversed())
            } else {
                pending.append(
                    contentsOf: target.split(separator: "/", omittingEmptySubsequences: true).reversed().filter {
                        $0 != "."
                    })
            }
        }
        // The path ended on a directory (`dir/.`, `dir/sub/..`, or the anchor itself).
        return .failure(.isADirectory(path: requestedPath))
    }

    private enum FinalStep {
        case opened(Int32)
        case symbolicLink
        case failed(FileAccessError)
    }

    /// Looks at the last name without following it, then opens it only if it is a regular file.
    /// The look comes first so that a device or FIFO is never opened at all; the open re-checks
    /// that it got the very file it looked at.
    private func openFinal(_ name: String, in directory: Int32) -> FinalStep {
        var before = stat()
        guard fstatat(directory, name, &before, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failed(error(SystemFiles.lastError, operation: "looking up"))
        }
        if SystemFiles.isType(before.st_mode, S_IFLNK) { return .symbolicLink }
        if SystemFiles.isType(before.st_mode, S_IFDIR) { return .failed(.isADirectory(path: requestedPath)) }
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
        return .opened(descriptor)
    }

    private func isSymbolicLink(_ name: String, in directory: Int32) -> Bool {
        var status = stat()
        return fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0
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
}
