/// The `directory-entry-stream` of `read-directory`: one entry per call, read from the system as
/// it is asked for (a huge directory is never held in memory), `.` and `..` left out, as
/// wasmtime. Its own open of the directory, so that two listings do not share a position.
final class DirectoryEntryStream: HostObject {
    /// The `DIR` being read; nil once released.
    private var directory: OpaquePointer?
    let origin: String
    let authority: HostAuthority

    private init(_ directory: OpaquePointer, descriptor: WASIDescriptor) {
        self.directory = directory
        self.origin = "read-directory of \(descriptor.origin)"
        self.authority = descriptor.authority("[method]descriptor.read-directory", .read)
    }

    /// A listing of the directory `file` holds.
    static func open(_ file: OpenFile, descriptor: WASIDescriptor) -> Result<DirectoryEntryStream, FilesystemErrorCode>
    {
        let own = SystemFiles.openAt(file.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard own >= 0 else { return .failure(FilesystemErrorCode(errno: errno)) }
        guard let directory = fdopendir(own) else {
            let code = errno
            close(own)
            return .failure(FilesystemErrorCode(errno: code))
        }
        return .success(DirectoryEntryStream(directory, descriptor: descriptor))
    }

    deinit { release() }

    func release() {
        if let directory { closedir(directory) }
        directory = nil
    }

    /// The next entry's type and name; nil at the end. A name that is not UTF-8 cannot be a WIT
    /// string: that entry is `illegal-byte-sequence` and the next call goes on after it.
    func next() -> Result<(type: String, name: String)?, FilesystemErrorCode> {
        guard let directory else { return .success(nil) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                return errno == 0 ? .success(nil) : .failure(FilesystemErrorCode(errno: errno))
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            guard let text = String(validating: name, as: UTF8.self) else { return .failure(.illegalByteSequence) }
            if let type = FilesystemValues.type(ofEntry: entry.pointee.d_type) { return .success((type, text)) }
            var status = stat()
            guard SystemFiles.statAt(dirfd(directory), name[...], &status, AT_SYMLINK_NOFOLLOW) else {
                return .success(("unknown", text))
            }
            return .success((FilesystemValues.type(of: status.st_mode), text))
        }
    }
}
