import Synchronization
import WasmComponent

/// The host side of `sandbox:skill/filesystem`: reads files for a guest, confined to the scope of
/// the grant that allowed the call.
///
/// Relative paths resolve against the session root. The scope is enforced when the file is opened,
/// not by comparing strings: the scope's directory is opened first (its own path is the user's word,
/// so the system resolves it, symbolic links included), and the rest of the request is walked
/// beneath it one name at a time (`BeneathWalk`), so `..`, symbolic links (also in the middle of
/// the path), link loops and `/proc/self/root` cannot lead out. Symbolic links inside a scope are
/// followed only while their target stays inside the scope. An unscoped grant means the whole host
/// filesystem, still walked the same way (explicit denies are checked at every step). Only regular
/// files are read, never more than `sizeLimit` bytes, and the content must be UTF-8 (`read-file`
/// returns a WIT `string`).
public final class SandboxedFileSystem: FileSystemAccess {
    public static let defaultSizeLimit = 16 << 20

    /// The session root, absolute and cleaned.
    public let rootPath: String
    /// The largest file `readText` returns, in bytes.
    public let sizeLimit: Int
    private let rootComponents: [Substring]
    /// Each scope's absolute names, as `openWithin` needs them on every call: worked out once
    /// per scope path (a grant's few paths; bounded all the same).
    private let scopeComponents = Mutex<[String: [Substring]]>([:])
    private let rootDescriptor: Int32

    /// Opens the session root: `root` (relative to the working directory if relative) or, when nil,
    /// the working directory itself.
    public init(root: String? = nil, sizeLimit: Int = SandboxedFileSystem.defaultSizeLimit) throws(FileAccessError) {
        var workingDirectory = "/"
        if root.map({ !LexicalPath.isAbsolute($0) }) ?? true {
            guard let current = Self.currentDirectory() else {
                throw .rootUnavailable(
                    path: root ?? ".", message: "the working directory cannot be read, or its path is not UTF-8")
            }
            workingDirectory = current
        }
        let requested = root ?? workingDirectory
        let components = LexicalPath.absoluteComponents(
            of: requested, base: LexicalPath.absoluteComponents(of: workingDirectory, base: []))
        let path = "/" + components.joined(separator: "/")
        let descriptor = open(path, SystemFiles.pathOnly | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .rootUnavailable(path: path, message: SystemFiles.message(for: SystemFiles.lastError))
        }
        self.rootPath = path
        self.rootComponents = LexicalPath.absoluteComponents(of: path, base: [])
        self.rootDescriptor = descriptor
        self.sizeLimit = max(0, sizeLimit)
    }

    deinit { close(rootDescriptor) }

    /// Reads `path` if it lies within `scope` (nil: the whole filesystem) and reaches nothing in
    /// `denied`. Errors are the messages a guest receives.
    public func readText(_ path: String, within scope: PathScope?, excluding denied: [PathScope] = []) -> Result<
        String, FileAccessError
    > {
        switch LexicalPath.problem(in: path) {
        case .empty?: return .failure(.notFound(path: path))
        case .containsNUL?: return .failure(.invalidPath(path: path, problem: "contains a NUL byte"))
        case let problem?: return .failure(.nameTooLong(path: path, problem: problem.explanation))
        case nil: break
        }
        let request = LexicalPath.absoluteComponents(of: path, base: rootComponents)
        let deniedIdentities = identities(of: denied)
        let endsAsDirectory = Self.endsAsDirectory(path)

        let opened: Result<OpenedFile, FileAccessError>
        if let scope {
            opened = openWithin(
                scope, request: request, path: path, endsAsDirectory: endsAsDirectory, denied: deniedIdentities)
        } else {
            opened = openAnywhere(
                request: request, path: path, endsAsDirectory: endsAsDirectory, denied: deniedIdentities)
        }
        return opened.flatMap { file in
            defer { close(file.descriptor) }
            return readContents(of: file, path: path)
        }
    }

    /// True when `path` ends in `/` or `/.` (or is `.`): lexical cleaning drops those, but POSIX
    /// then requires the last name to be a directory (`cat file/` is "Not a directory").
    static func endsAsDirectory(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let last = bytes.last else { return false }
        if last == UInt8(ascii: "/") { return true }
        guard last == UInt8(ascii: ".") else { return false }
        let beforeLast = bytes.dropLast().last
        return beforeLast == nil || beforeLast == UInt8(ascii: "/")
    }

    private func openAnywhere(
        request: [Substring], path: String, endsAsDirectory: Bool, denied: [(identity: FileIdentity, scope: String)]
    ) -> Result<OpenedFile, FileAccessError> {
        let top = open("/", SystemFiles.pathOnly | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return .failure(Self.error(SystemFiles.lastError, path: path, operation: "opening /")) }
        defer { close(top) }
        let walk = BeneathWalk(
            requestedPath: path, anchor: top, anchorComponents: [], scopeName: "/",
            isWholeFilesystem: true, denied: denied)
        return walk.open(request[...], endsAsDirectory: endsAsDirectory)
    }

    private func openWithin(
        _ scope: PathScope, request: [Substring], path: String, endsAsDirectory: Bool,
        denied: [(identity: FileIdentity, scope: String)]
    ) -> Result<OpenedFile, FileAccessError> {
        let scopeComponents = components(ofScope: scope.path)
        guard LexicalPath.hasPrefix(request, scopeComponents) else {
            return .failure(.outsideScope(path: path, scope: scope.description))
        }
        if request.count == scopeComponents.count {
            return openScopeItself(scope, path: path, endsAsDirectory: endsAsDirectory, denied: denied)
        }
        let anchor = SystemFiles.openAt(rootDescriptor, scope.path, SystemFiles.pathOnly | O_DIRECTORY | O_CLOEXEC)
        guard anchor >= 0 else {
            return .failure(Self.error(SystemFiles.lastError, path: path, operation: "opening the scope of"))
        }
        defer { close(anchor) }
        var anchorStatus = stat()
        if !denied.isEmpty, fstat(anchor, &anchorStatus) == 0,
            let match = denied.first(where: { $0.identity == FileIdentity(anchorStatus) })
        {
            return .failure(.reachesDeniedScope(path: path, scope: match.scope))
        }
        let walk = BeneathWalk(
            requestedPath: path, anchor: anchor, anchorComponents: scopeComponents, scopeName: scope.description,
            isWholeFilesystem: false, denied: denied)
        return walk.open(request[scopeComponents.count...], endsAsDirectory: endsAsDirectory)
    }

    private func components(ofScope path: String) -> [Substring] {
        if let known = scopeComponents.withLock({ $0[path] }) { return known }
        let components = LexicalPath.absoluteComponents(of: path, base: rootComponents)
        scopeComponents.withLock { known in
            if known.count < 256 { known[path] = components }
        }
        return components
    }

    /// A file scope names the file itself: the user's word, resolved by the system.
    private func openScopeItself(
        _ scope: PathScope, path: String, endsAsDirectory: Bool, denied: [(identity: FileIdentity, scope: String)]
    ) -> Result<OpenedFile, FileAccessError> {
        var before = stat()
        guard fstatat(rootDescriptor, scope.path, &before, 0) == 0 else {
            return .failure(Self.error(SystemFiles.lastError, path: path, operation: "looking up"))
        }
        if SystemFiles.isType(before.st_mode, S_IFDIR) { return .failure(.isADirectory(path: path)) }
        if endsAsDirectory {
            return .failure(.notADirectoryAtEnd(path: path, kind: SystemFiles.kind(of: before.st_mode)))
        }
        guard SystemFiles.isType(before.st_mode, S_IFREG) else {
            return .failure(.notRegularFile(path: path, kind: SystemFiles.kind(of: before.st_mode)))
        }
        if let match = denied.first(where: { $0.identity == FileIdentity(before) }) {
            return .failure(.reachesDeniedScope(path: path, scope: match.scope))
        }
        let descriptor = SystemFiles.openAt(rootDescriptor, scope.path, SystemFiles.fileRead & ~O_NOFOLLOW)
        guard descriptor >= 0 else {
            return .failure(Self.error(SystemFiles.lastError, path: path, operation: "opening"))
        }
        var after = stat()
        guard fstat(descriptor, &after) == 0, FileIdentity(after) == FileIdentity(before) else {
            close(descriptor)
            return .failure(.changedWhileOpening(path: path))
        }
        return .success(OpenedFile(descriptor: descriptor, status: after))
    }

    /// The identities of the denied scopes that exist (a missing one cannot be reached either).
    private func identities(of scopes: [PathScope]) -> [(identity: FileIdentity, scope: String)] {
        scopes.compactMap { scope in
            var status = stat()
            guard fstatat(rootDescriptor, scope.path, &status, 0) == 0 else { return nil }
            return (FileIdentity(status), scope.description)
        }
    }

    private func readContents(of file: OpenedFile, path: String) -> Result<String, FileAccessError> {
        let descriptor = file.descriptor
        let status = file.status
        if Int(status.st_size) > sizeLimit { return .failure(.tooLarge(path: path, limit: sizeLimit)) }
        // Sizes can lie (files in /proc say 0, files grow): read until EOF, one byte past the limit at most.
        // A buffer the size the file claims (at least a page, at most 64 KiB), not zero-filled.
        let chunk = min(64 << 10, max(4096, Int(status.st_size) + 1))
        let isRegular = SystemFiles.isType(status.st_mode, S_IFREG)
        let claimedSize = Int(status.st_size)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        var bytes: [UInt8] = []
        while true {
            let wanted = min(chunk, sizeLimit + 1 - bytes.count)
            if wanted <= 0 { return .failure(.tooLarge(path: path, limit: sizeLimit)) }
            let count = read(descriptor, buffer.baseAddress, wanted)
            if count < 0 {
                let code = SystemFiles.lastError
                if code == EINTR { continue }
                return .failure(Self.error(code, path: path, operation: "reading"))
            }
            if count == 0 { break }
            let piece = UnsafeBufferPointer(rebasing: buffer[..<count])
            // A regular file that gave exactly the size it claims, short of what was asked, is
            // at its end: asking again would only read the end (a system call per small read).
            let atEnd = isRegular && bytes.count + count == claimedSize && count < wanted
            // The whole file in one read (most files): its text is made from the buffer.
            if atEnd, bytes.isEmpty { return Self.text(piece, path: path) }
            bytes.append(contentsOf: piece)
            if atEnd { break }
        }
        if bytes.count > sizeLimit { return .failure(.tooLarge(path: path, limit: sizeLimit)) }
        return bytes.withUnsafeBufferPointer { Self.text($0, path: path) }
    }

    /// The file's bytes as text, or where they stop being UTF-8.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, FileAccessError> {
        if let text = String(validUTF8: bytes) { return .success(text) }
        return .failure(.notUTF8(path: path, byteOffset: firstInvalidUTF8Offset(in: bytes) ?? 0))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil if all is valid.
    static func firstInvalidUTF8Offset(in bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    static func error(_ code: Int32, path: String, operation: String) -> FileAccessError {
        switch code {
        case ENOENT: return .notFound(path: path)
        case ENOTDIR: return .notADirectory(path: path)
        case EISDIR: return .isADirectory(path: path)
        case ELOOP: return .tooManySymbolicLinks(path: path, limit: SystemFiles.symbolicLinkLimit)
        case ENAMETOOLONG: return .nameTooLong(path: path, problem: "is longer than the system allows")
        case EACCES, EPERM: return .hostPermissionDenied(path: path)
        default:
            return .systemError(path: path, operation: operation, code: code, message: SystemFiles.message(for: code))
        }
    }

    /// The working directory, when it can be had and its path is UTF-8 (a lossy decoding would
    /// name another directory).
    private static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(validating: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
