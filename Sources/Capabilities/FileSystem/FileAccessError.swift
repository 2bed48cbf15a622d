/// Why a file could not be read. `description` is the exact string the guest receives as the
/// `err` of `read-file`; paths appear as the guest wrote them, quoted and with control characters escaped.
public enum FileAccessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path itself is unusable (a NUL byte).
    case invalidPath(path: String, problem: String)
    /// A path or one of its names is longer than the system allows.
    case nameTooLong(path: String, problem: String)
    case notFound(path: String)
    /// A name in the middle of the path is a file, not a directory.
    case notADirectory(path: String)
    case isADirectory(path: String)
    /// The path ends in `/` or `/.` (or a link at its end points to such a target), so its last name
    /// must be a directory, and it is `kind` (`a file`, `a FIFO`, ...).
    case notADirectoryAtEnd(path: String, kind: String)
    /// A FIFO, socket or device: only regular files are read.
    case notRegularFile(path: String, kind: String)
    /// The request does not lie within the scope it was checked against.
    case outsideScope(path: String, scope: String)
    /// Resolving the path (through `..` or a symbolic link) would leave the granted scope.
    case escapesScope(path: String, scope: String)
    /// Resolving the path reached something an explicit deny covers (e.g. through a symbolic link).
    case reachesDeniedScope(path: String, scope: String)
    case tooManySymbolicLinks(path: String, limit: Int)
    case tooLarge(path: String, limit: Int)
    case notUTF8(path: String, byteOffset: Int)
    /// The host's own permissions forbid it (EACCES/EPERM).
    case hostPermissionDenied(path: String)
    /// The file changed between the check and the open (a concurrent rename or replacement).
    case changedWhileOpening(path: String)
    /// Anything else the system reported.
    case systemError(path: String, operation: String, code: Int32, message: String)
    /// The session root could not be opened.
    case rootUnavailable(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidPath(let path, let problem):
            return "Invalid path: \(QuotedPath(path)) \(problem)"
        case .nameTooLong(let path, let problem):
            return "File name too long: \(QuotedPath(path)) \(problem)"
        case .notFound(let path):
            return "No such file or directory: \(QuotedPath(path))"
        case .notADirectory(let path):
            return "Not a directory: a name inside \(QuotedPath(path)) is not a directory"
        case .isADirectory(let path):
            return "Is a directory: \(QuotedPath(path))"
        case .notADirectoryAtEnd(let path, let kind):
            return "Not a directory: \(QuotedPath(path)) is \(kind), but the path asks for a directory"
        case .notRegularFile(let path, let kind):
            return "Not a regular file: \(QuotedPath(path)) is \(kind)"
        case .outsideScope(let path, let scope):
            return "Permission denied: \(QuotedPath(path)) is outside the granted scope (\(scope))"
        case .escapesScope(let path, let scope):
            return "Permission denied: \(QuotedPath(path)) leads outside the granted scope (\(scope))"
        case .reachesDeniedScope(let path, let scope):
            return "Permission denied: \(QuotedPath(path)) leads into the denied scope (\(scope))"
        case .tooManySymbolicLinks(let path, let limit):
            return "Too many levels of symbolic links: \(QuotedPath(path)) (more than \(limit))"
        case .tooLarge(let path, let limit):
            return "File too large: \(QuotedPath(path)) is larger than the limit of \(Self.byteCount(limit))"
        case .notUTF8(let path, let byteOffset):
            return "Invalid UTF-8: \(QuotedPath(path)) is not UTF-8 text (bad byte at offset \(byteOffset))"
        case .hostPermissionDenied(let path):
            return "Permission denied: the host itself may not read \(QuotedPath(path))"
        case .changedWhileOpening(let path):
            return "File changed while opening: \(QuotedPath(path))"
        case .systemError(let path, let operation, let code, let message):
            return "I/O error: \(operation) \(QuotedPath(path)) failed: \(message) (errno \(code))"
        case .rootUnavailable(let path, let message):
            return "Cannot open the session root \(QuotedPath(path)): \(message)"
        }
    }

    /// `16 MiB (16777216 bytes)`, `1000 bytes`.
    static func byteCount(_ bytes: Int) -> String {
        let mebibyte = 1 << 20, kibibyte = 1 << 10
        if bytes >= mebibyte, bytes % mebibyte == 0 { return "\(bytes / mebibyte) MiB (\(bytes) bytes)" }
        if bytes >= kibibyte, bytes % kibibyte == 0 { return "\(bytes / kibibyte) KiB (\(bytes) bytes)" }
        return "\(bytes) bytes"
    }
}
