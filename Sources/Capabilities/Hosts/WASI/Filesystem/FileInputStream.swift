import WasmRuntime

/// The `input-stream` of `read-via-stream`: reads a file from an offset on, each read at most what
/// `wasi:io/streams` asks (itself at most `IOHosts.readLimit`). A regular file is always ready; a
/// FIFO or device opened in a preopen is read without blocking, and a blocking read waits for it
/// in slices that Ctrl-C and the call's time limit stop.
final class FileInputStream: InputStreamObject {
    private var file: OpenFile?
    private var offset: UInt64
    /// Regular files and block devices are read at the stream's offset; anything else in order.
    private let seekable: Bool
    private let hostPath: String
    let origin: String
    let authority: HostAuthority

    init(_ file: OpenFile, at offset: UInt64, seekable: Bool, descriptor: WASIDescriptor) {
        self.file = file
        self.offset = offset
        self.seekable = seekable
        self.hostPath = descriptor.hostPath
        self.origin = "read-via-stream of \(descriptor.origin)"
        self.authority = descriptor.authority("[method]descriptor.read-via-stream", .read)
    }

    func release() { file = nil }

    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        guard let file else { return .failure(.closed) }
        let count = min(max(0, maximum), Int(IOHosts.readLimit))
        if count == 0 { return .success([]) }
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let read = buffer.withUnsafeMutableBytes { bytes in
                seekable
                    ? pread(file.descriptor, bytes.baseAddress, count, off_t(clamping: offset))
                    : readInOrder(file.descriptor, bytes.baseAddress, count)
            }
            if read > 0 {
                offset += UInt64(read)
                return .success(Array(buffer[..<read]))
            }
            if read == 0 { return .failure(.closed) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .success([]) }
            return .failure(
                .failedWithCode(
                    "reading \(QuotedPath(hostPath)) failed: \(SystemFiles.message(for: code))",
                    code: FilesystemErrorCode(errno: code).rawValue))
        }
    }

    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError> {
        while true {
            let result = read(maximum)
            guard case .success(let bytes) = result, bytes.isEmpty, maximum > 0, let file else { return result }
            let descriptor = file.descriptor
            _ = try PollWaiter.wait(
                for: [WASIPollable(origin: origin) { .descriptor(descriptor, events: Int16(POLLIN)) }],
                interruption: interruption)
        }
    }

    var readiness: PollReadiness {
        guard let file, !seekable else { return .ready }
        return .descriptor(file.descriptor, events: Int16(POLLIN))
    }
}

/// `read(2)`, named apart from the stream's own `read`.
private func readInOrder(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
