/// Reads the files wasmsh is handed (components, scripts): regular files only, never more than a
/// documented size, and never a block on a FIFO or a device.
public enum ComponentFile {
    /// The largest component file wasmsh reads.
    public static let sizeLimit = 256 << 20
    /// The largest script (`wasmsh FILE`, `source FILE`) wasmsh reads.
    public static let scriptSizeLimit = 16 << 20

    /// The whole component file, or an error naming it and the reason.
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        try read(path, limit: sizeLimit)
    }

    /// The whole file if it is a regular file of at most `limit` bytes. The file is opened without
    /// blocking (a FIFO would wait for a writer) and examined before a byte is read; its size is
    /// not trusted either (files in /proc say 0): at most `limit` + 1 bytes are read.
    public static func read(_ path: String, limit: Int) throws(LoadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw LoadError("cannot open '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LoadError("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LoadError("'\(path)' is not a regular file (\(kind(of: status.st_mode)))")
        }
        guard status.st_size <= limit else {
            throw LoadError("'\(path)' is \(status.st_size) bytes, more than the limit of \(limit) bytes")
        }
        // The size fstat gave, plus one byte to see the end: read into memory not zeroed first
        // (zeroing 18 MB took longer than reading them from the page cache).
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, initialized in
            (initialized, failure) = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor)
        }
        var count = bytes.count
        // Filled to the byte past fstat's size: the file grew (or fstat said 0, as files in /proc
        // do). Read on, in steps, up to the limit.
        var filled = count == Int(status.st_size) + 1
        while failure == 0 && filled {
            guard count <= limit else {
                throw LoadError("'\(path)' grew past the limit of \(limit) bytes while it was read")
            }
            bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            let (read, error) = bytes.withUnsafeMutableBytes { buffer in
                fill(UnsafeMutableRawBufferPointer(rebasing: buffer[count...]), from: descriptor)
            }
            count += read
            failure = error
            filled = count == bytes.count
            if !filled { bytes.removeSubrange(count...) }
        }
        guard failure == 0 else { throw LoadError("cannot read '\(path)': \(String(cString: strerror(failure)))") }
        guard count <= limit else { throw LoadError("'\(path)' is more than the limit of \(limit) bytes") }
        return bytes
    }

    /// Reads into `buffer` until it is full, the file ends or a read fails (`EINTR` retried):
    /// the bytes read, and the failure's `errno` or 0.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> (Int, Int32) {
        var count = 0
        while count < buffer.count {
            let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if read < 0 {
                if errno == EINTR { continue }
                return (count, errno)
            }
            if read == 0 { break }
            count += read
        }
        return (count, 0)
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// `components/trusted.wasm` → `trusted`.
    public static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".wasm") ? String(file.dropLast(5)) : file
    }
}
