/// Whole-file reads and atomic writes of small text files, with errors as messages.
enum TextFile {
    enum Failure: Error, Equatable {
        case system(Int32)
        case notRegularFile
        case tooLarge(limit: Int)
        case notUTF8

        init(_ code: Int32) { self = .system(code) }

        var message: String {
            switch self {
            case .system(let code): return SystemFiles.message(for: code)
            case .notRegularFile: return "not a regular file"
            case .tooLarge(let limit): return "larger than the limit of \(FileAccessError.byteCount(limit))"
            case .notUTF8: return "not UTF-8 text"
            }
        }
    }

    /// Reads a regular file of at most `limit` bytes: a larger one is refused before it is read
    /// when its size says so, and after `limit` + 1 bytes when its size lies.
    static func contents(of path: String, limit: Int) throws(Failure) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
        if Int(status.st_size) > limit { throw .tooLarge(limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let wanted = min(buffer.count, limit + 1 - bytes.count)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[..<count])
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    static func writeAtomically(_ text: String, to path: String) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(errno) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw .system(code)
            }
            offset += written
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system(code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system(code)
        }
    }
}
