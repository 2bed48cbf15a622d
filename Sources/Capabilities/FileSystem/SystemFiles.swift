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

    /// The target of a symbolic link, or nil with errno set.
    static func readLink(at directory: Int32, _ name: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: LexicalPath.maximumPathBytes + 1)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    readlinkat(directory, name, $0, bytes.count)
                }
            } ?? -1
        }
        guard length >= 0 else { return nil }
        guard length <= LexicalPath.maximumPathBytes else {
            errno = ENAMETOOLONG
            return nil
        }
        return String(decoding: buffer[..<length], as: UTF8.self)
    }
}
