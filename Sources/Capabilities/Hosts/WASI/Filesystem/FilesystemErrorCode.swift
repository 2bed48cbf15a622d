import WasmComponent

/// `wasi:filesystem/types.error-code`: what a failed filesystem call gives the guest, by its WIT
/// case name (the cases in WIT order).
enum FilesystemErrorCode: String, CaseIterable, Error {
    case access
    case wouldBlock = "would-block"
    case already
    case badDescriptor = "bad-descriptor"
    case busy
    case deadlock
    case quota
    case exist
    case fileTooLarge = "file-too-large"
    case illegalByteSequence = "illegal-byte-sequence"
    case inProgress = "in-progress"
    case interrupted
    case invalid
    case io
    case isDirectory = "is-directory"
    case loop
    case tooManyLinks = "too-many-links"
    case messageSize = "message-size"
    case nameTooLong = "name-too-long"
    case noDevice = "no-device"
    case noEntry = "no-entry"
    case noLock = "no-lock"
    case insufficientMemory = "insufficient-memory"
    case insufficientSpace = "insufficient-space"
    case notDirectory = "not-directory"
    case notEmpty = "not-empty"
    case notRecoverable = "not-recoverable"
    case unsupported
    case noTTY = "no-tty"
    case noSuchDevice = "no-such-device"
    case overflow
    case notPermitted = "not-permitted"
    case pipe
    case readOnly = "read-only"
    case invalidSeek = "invalid-seek"
    case textFileBusy = "text-file-busy"
    case crossDevice = "cross-device"

    /// The enum as `WITPrinter.structuralSignature` spells it.
    static let witType = "enum { " + allCases.map(\.rawValue).joined(separator: ", ") + " }"

    /// An `errno` as wasmtime maps it (its `from_raw_os_error`); anything it does not name is `io`.
    init(errno code: Int32) {
        switch code {
        case EPIPE: self = .pipe
        case EPERM: self = .notPermitted
        case ENOENT: self = .noEntry
        case ENOMEM: self = .insufficientMemory
        case EIO: self = .io
        case EBADF: self = .badDescriptor
        case EBUSY: self = .busy
        case EACCES: self = .access
        case ENOTDIR: self = .notDirectory
        case EISDIR: self = .isDirectory
        case EINVAL: self = .invalid
        case EEXIST: self = .exist
        case EFBIG: self = .fileTooLarge
        case ENOSPC: self = .insufficientSpace
        case ESPIPE: self = .invalidSeek
        case EMLINK: self = .tooManyLinks
        case ENAMETOOLONG: self = .nameTooLong
        case ENOTEMPTY: self = .notEmpty
        case ELOOP: self = .loop
        case EOVERFLOW: self = .overflow
        case EILSEQ: self = .illegalByteSequence
        case ENOTSUP: self = .unsupported  // EOPNOTSUPP on Linux too
        case EALREADY: self = .already
        case EINPROGRESS: self = .inProgress
        case EINTR: self = .interrupted
        default: self = .io
        }
    }

    /// Why a walk beneath a directory failed, in WASI's terms: leaving the directory (through
    /// `..`, an absolute path or a link) is `not-permitted`, as wasmtime answers; reaching what an
    /// explicit deny covers is `access`.
    init(_ error: FileAccessError) {
        switch error {
        case .invalidPath: self = .invalid
        case .nameTooLong: self = .nameTooLong
        case .notFound: self = .noEntry
        case .notADirectory, .notADirectoryAtEnd: self = .notDirectory
        case .isADirectory: self = .isDirectory
        case .notRegularFile: self = .invalid
        case .outsideScope, .escapesScope: self = .notPermitted
        case .reachesDeniedScope, .hostPermissionDenied: self = .access
        case .tooManySymbolicLinks: self = .loop
        case .tooLarge: self = .fileTooLarge
        case .notUTF8: self = .illegalByteSequence
        case .changedWhileOpening, .rootUnavailable: self = .io
        case .systemError(_, _, let code, _): self.init(errno: code)
        }
    }

    var value: ComponentValue { .enumCase(rawValue) }

    /// `err(code)` of a `result<_, error-code>`.
    var failure: ComponentValue { .result(.err(value)) }
}
