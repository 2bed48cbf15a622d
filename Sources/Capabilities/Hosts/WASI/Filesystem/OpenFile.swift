/// A file descriptor the host opened for a guest, shared by the `descriptor` and the streams made
/// from it (a stream may outlive its descriptor, as in wasmtime) and closed when the last of them
/// lets it go: dropped by the guest, or released when the instance ends.
final class OpenFile {
    let descriptor: Int32

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Its `stat`, or the `errno` of the failure.
    func status() -> Result<stat, FilesystemErrorCode> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FilesystemErrorCode(errno: errno)) }
        return .success(status)
    }
}
