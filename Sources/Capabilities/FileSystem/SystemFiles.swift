/// The few system-call details the walk needs, in one place.
enum SystemFiles {
    #if os(Linux)
        /// O_PATH: a handle for walking and fstat only; opening a device this way has no side effects.
        /// Glibc hides the constant without _GNU_SOURCE; its value is the same on every Swift Linux target.
        static let pathOnly: Int32 = 0o10000000
    #else
        static let pathOnly: Int32 = O_RDONLY
    #endif

    /// Opens a directory handle without following a symbolic link at the last name.
    static let directoryStep: Int32 = pathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    /// Opens a regular file for reading: never follows, never blocks (a FIFO swapped in cannot hang
    /// us), never becomes our controlling terminal.
    static let fileRead: Int32 = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
    /// The most symbolic links one resolution follows, as Linux's own limit.
    static let symbolicLinkLimit = 40

    static var lastError: Int32 { errno }

    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// The kind of a non-regular file, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a file"
        default: return "not a regular file"
        }
    }

    static func isType(_ mode: mode_t, _ type: mode_t) -> Bool { mode & S_IFMT == type }

    /// `openat` retried on EINTR.
    static func openAt(_ directory: Int32, _ name: String, _ flags: Int32) -> Int32 {
        while true {
            let descriptor = openat(directory, name, flags)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    /// `openat` of one name given as bytes (not necessarily UTF-8), retried on EINTR.
    static func openAt(_ directory: Int32, _ name: ArraySlice<UInt8>, _ flags: Int32) -> Int32 {
        withCName(name, orElse: -1) { cName in
            while true {
                let descriptor = openat(directory, cName, flags)
                if descriptor >= 0 || errno != EINTR { return descriptor }
            }
        }
    }

    /// `fstatat` of one name given as bytes; false with errno set when it fails.
    static func statAt(_ directory: Int32, _ name: ArraySlice<UInt8>, _ status: inout stat, _ flags: Int32) -> Bool {
        withCName(name, orElse: false) { fstatat(directory, $0, &status, flags) == 0 }
    }

    /// The target of a symbolic link as the bytes it is (a target need not be UTF-8, and decoding
    /// it would name another file), or nil with errno set.
    static func readLink(at directory: Int32, _ name: ArraySlice<UInt8>) -> [UInt8]? {
        var buffer = [CChar](repeating: 0, count: LexicalPath.maximumPathBytes + 1)
        let capacity = buffer.count
        let length: Int = withCName(name, orElse: -1) { cName in
            readlinkat(directory, cName, &buffer, capacity)
        }
        guard length >= 0 else { return nil }
        guard length <= LexicalPath.maximumPathBytes else {
            errno = ENAMETOOLONG
            return nil
        }
        return buffer[..<length].map { UInt8(bitPattern: $0) }
    }

    /// `name` as a NUL-terminated C string, in a temporary buffer (`fallback`, with errno EINVAL,
    /// if there is none). Names hold no NUL: they come from a path checked for NUL bytes or from
    /// a link target, which cannot hold one.
    static func withCName<Result>(
        _ name: ArraySlice<UInt8>, orElse fallback: Result, _ body: (UnsafePointer<CChar>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { buffer in
            guard let base = buffer.baseAddress else {
                errno = EINVAL
                return fallback
            }
            var index = 0
            for byte in name {
                buffer[index] = CChar(bitPattern: byte)
                index += 1
            }
            buffer[index] = 0
            return body(base)
        }
    }
}
