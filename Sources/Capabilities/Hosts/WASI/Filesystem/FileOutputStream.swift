import WasmRuntime

/// The `output-stream` of `write-via-stream` (from an offset on) and `append-via-stream` (at the
/// end of the file, wherever it is then). A regular file takes every write at once; a FIFO or
/// device that is full keeps the bytes until it takes them (`check-write` is 0 meanwhile), and a
/// blocking flush waits for it in slices that Ctrl-C and the call's time limit stop. A failed
/// write is reported by the next call, then the stream is closed (as wasmtime's).
final class FileOutputStream: OutputStreamObject {
    enum Position {
        case offset(UInt64)
        case end
    }

    /// As wasmtime's `FILE_WRITE_CAPACITY`: what `check-write` allows at once.
    static let writeBudget: UInt64 = 1 << 20

    private var file: OpenFile?
    private var position: Position
    private let seekable: Bool
    private let hostPath: String
    /// Bytes accepted but not yet taken by a FIFO or device that was full.
    private var pending: [UInt8] = []
    /// Why the last write failed, told by the next call.
    private var failure: StreamError?
    let origin: String
    let authority: HostAuthority

    /// A stream on a descriptor not `openedForWriting` writes nothing: its first operation fails
    /// with `bad-descriptor`, as the system's write would.
    init(
        _ file: OpenFile, _ position: Position, seekable: Bool, descriptor: WASIDescriptor, function: String,
        openedForWriting: Bool = true
    ) {
        self.file = file
        self.position = position
        self.seekable = seekable
        self.hostPath = descriptor.hostPath
        self.origin = "\(function) of \(descriptor.origin)"
        self.authority = descriptor.authority("[method]descriptor.\(function)", .write)
        if !openedForWriting {
            failure = .failedWithCode(
                "writing \(QuotedPath(descriptor.hostPath)) failed: it was not opened for writing",
                code: FilesystemErrorCode.badDescriptor.rawValue)
        }
    }

    var droppedWhenRefused: Bool { false }

    func release() {
        file = nil
        pending = []
    }

    func checkWrite() -> Result<UInt64, StreamError> {
        if let reported = takeFailure() { return .failure(reported) }
        writePending()
        if let reported = takeFailure() { return .failure(reported) }
        return .success(pending.isEmpty ? Self.writeBudget : 0)
    }

    func write(_ bytes: [UInt8]) -> Result<Void, StreamError> {
        if let reported = takeFailure() { return .failure(reported) }
        guard UInt64(pending.count + bytes.count) <= Self.writeBudget else {
            return .failure(.failed("a write of \(bytes.count) bytes was more than check-write allowed"))
        }
        pending += bytes
        writePending()
        return .success(())
    }

    func flush() -> Result<Void, StreamError> {
        writePending()
        if let reported = takeFailure() { return .failure(reported) }
        return .success(())
    }

    func blockingFlush(interruption: CallInterruption?) throws -> Result<Void, StreamError> {
        writePending()
        while !pending.isEmpty, failure == nil, let file {
            let descriptor = file.descriptor
            _ = try PollWaiter.wait(
                for: [WASIPollable(origin: origin) { .descriptor(descriptor, events: Int16(POLLOUT)) }],
                interruption: interruption)
            writePending()
        }
        if let reported = takeFailure() { return .failure(reported) }
        return .success(())
    }

    var readiness: PollReadiness {
        guard let file, !pending.isEmpty else { return .ready }
        return .descriptor(file.descriptor, events: Int16(POLLOUT))
    }

    /// The failure to report, once; the stream is closed after it.
    private func takeFailure() -> StreamError? {
        guard let reported = failure else { return file == nil ? .closed : nil }
        failure = nil
        file = nil
        pending = []
        return reported
    }

    /// Writes what is pending until done, or until a FIFO or device takes no more for now.
    private func writePending() {
        guard let file, failure == nil else { return }
        var written = 0
        defer { pending.removeFirst(written) }
        while written < pending.count {
            let count = pending.count - written
            let result = pending.withUnsafeBytes { bytes -> Int in
                let start = bytes.baseAddress.map { $0 + written }
                switch position {
                case .offset(let offset) where seekable:
                    return pwrite(file.descriptor, start, count, off_t(clamping: offset))
                case .end where seekable:
                    guard lseek(file.descriptor, 0, SEEK_END) >= 0 else { return -1 }
                    return writeInOrder(file.descriptor, start, count)
                default:
                    return writeInOrder(file.descriptor, start, count)
                }
            }
            if result > 0 {
                written += result
                if case .offset(let offset) = position { position = .offset(offset + UInt64(result)) }
                continue
            }
            let code = result == 0 ? EIO : errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return }
            failure = .failedWithCode(
                "writing \(QuotedPath(hostPath)) failed: \(SystemFiles.message(for: code))",
                code: FilesystemErrorCode(errno: code).rawValue)
            written = pending.count
            return
        }
    }
}

/// `write(2)`, named apart from the stream's own `write`.
private func writeInOrder(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
