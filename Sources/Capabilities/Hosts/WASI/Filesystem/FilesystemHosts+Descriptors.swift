import WasmComponent

extension FilesystemHosts {
    /// A descriptor's file when it is a file opened for `flag` (`read`, `write`); else the
    /// `bad-descriptor` wasmtime gives (a directory, or a file not opened so).
    static func file(_ descriptor: WASIDescriptor, for flag: String) -> Result<OpenFile, FilesystemErrorCode> {
        guard descriptor.kind == .file, descriptor.flags.contains(flag) else { return .failure(.badDescriptor) }
        return descriptor.openFile()
    }

    /// Whether reads and writes of the file go by offset (a regular file, a block device).
    static func isSeekable(_ file: OpenFile) -> Bool {
        guard case .success(let status) = file.status() else { return false }
        return SystemFiles.isType(status.st_mode, S_IFREG) || SystemFiles.isType(status.st_mode, S_IFBLK)
    }

    static func readViaStream(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        let offset = try call.u64(1)
        switch file(descriptor, for: "read") {
        case .failure(let code): return code.failure
        case .success(let file):
            let stream = FileInputStream(file, at: offset, seekable: isSeekable(file), descriptor: descriptor)
            return .result(.ok(try call.own(stream, "input-stream")))
        }
    }

    /// A write stream on a file. As wasmtime, a file opened without `write` (in a preopen whose
    /// grant allows writing: the gate refused it otherwise) still gets its stream, whose first
    /// operation fails with `bad-descriptor`; wasmsh never tries that write.
    static func writeViaStream(_ call: WASICall, _ descriptor: WASIDescriptor, at position: FileOutputStream.Position)
        throws -> ComponentValue
    {
        guard descriptor.kind == .file else { return FilesystemErrorCode.badDescriptor.failure }
        switch descriptor.openFile() {
        case .failure(let code): return code.failure
        case .success(let file):
            let function: String
            if case .end = position { function = "append-via-stream" } else { function = "write-via-stream" }
            let stream = FileOutputStream(
                file, position, seekable: isSeekable(file), descriptor: descriptor, function: function,
                openedForWriting: descriptor.flags.contains("write"))
            return .result(.ok(try call.own(stream, "output-stream")))
        }
    }

    /// At most `IOHosts.readLimit` bytes from `offset`; `true` with nothing read at the end (as
    /// wasmtime: a read of 0 bytes also says so).
    static func read(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        let length = Int(clamping: min(try call.u64(1), IOHosts.readLimit))
        let offset = try call.u64(2)
        guard case .success(let file) = file(descriptor, for: "read") else {
            return FilesystemErrorCode.badDescriptor.failure
        }
        guard let position = off_t(exactly: offset) else { return FilesystemErrorCode.invalid.failure }
        var buffer = [UInt8](repeating: 0, count: length)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(file.descriptor, $0.baseAddress, length, position) }
            if count >= 0 {
                return .result(.ok(.tuple([WASICall.byteList(buffer[..<count]), .bool(count == 0)])))
            }
            if errno != EINTR { return FilesystemErrorCode(errno: errno).failure }
        }
    }

    /// Writes the bytes at `offset` (one system call, as wasmtime: the count says how many).
    static func write(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        let bytes = try call.bytes(1)
        let offset = try call.u64(2)
        guard case .success(let file) = file(descriptor, for: "write") else {
            return FilesystemErrorCode.badDescriptor.failure
        }
        guard let position = off_t(exactly: offset) else { return FilesystemErrorCode.invalid.failure }
        while true {
            let count = bytes.withUnsafeBytes { pwrite(file.descriptor, $0.baseAddress, bytes.count, position) }
            if count >= 0 { return .result(.ok(.u64(UInt64(count)))) }
            if errno != EINTR { return FilesystemErrorCode(errno: errno).failure }
        }
    }

    static func advise(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        let offset = try call.u64(1)
        let length = try call.u64(2)
        guard case .enumCase(let name) = try call.argument(3) else { throw WASICall.malformed("not an advice") }
        let advice: Int32 =
            switch name {
            case "sequential": POSIX_FADV_SEQUENTIAL
            case "random": POSIX_FADV_RANDOM
            case "will-need": POSIX_FADV_WILLNEED
            case "dont-need": POSIX_FADV_DONTNEED
            case "no-reuse": POSIX_FADV_NOREUSE
            default: POSIX_FADV_NORMAL
            }
        guard descriptor.kind == .file, case .success(let file) = descriptor.openFile() else {
            return FilesystemErrorCode.badDescriptor.failure
        }
        guard let start = off_t(exactly: offset), let span = off_t(exactly: length) else {
            return FilesystemErrorCode.invalid.failure
        }
        let code = posix_fadvise(file.descriptor, start, span, advice)
        return code == 0 ? .result(.ok(nil)) : FilesystemErrorCode(errno: code).failure
    }

    static func sync(_ descriptor: WASIDescriptor, dataOnly: Bool) -> ComponentValue {
        guard case .success(let file) = descriptor.openFile() else { return FilesystemErrorCode.badDescriptor.failure }
        let result = dataOnly ? fdatasync(file.descriptor) : fsync(file.descriptor)
        return result == 0 ? .result(.ok(nil)) : FilesystemErrorCode(errno: errno).failure
    }

    static func getType(_ call: WASICall, _ descriptor: WASIDescriptor) -> ComponentValue {
        statusResult(descriptor) { .enumCase(FilesystemValues.type(of: $0.st_mode)) }
    }

    /// `ok(value(stat))` of the descriptor's file.
    static func statusResult(_ descriptor: WASIDescriptor, _ value: (stat) -> ComponentValue) -> ComponentValue {
        switch descriptor.openFile().flatMap({ $0.status() }) {
        case .success(let status): return .result(.ok(value(status)))
        case .failure(let code): return code.failure
        }
    }

    static func setSize(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        let size = try call.u64(1)
        guard descriptor.kind == .file, case .success(let file) = descriptor.openFile() else {
            return FilesystemErrorCode.badDescriptor.failure
        }
        // A descriptor opened for reading (the fd may be shared with one opened for writing).
        guard descriptor.flags.contains("write") else { return FilesystemErrorCode.invalid.failure }
        guard let length = off_t(exactly: size) else { return FilesystemErrorCode.fileTooLarge.failure }
        return ftruncate(file.descriptor, length) == 0 ? .result(.ok(nil)) : FilesystemErrorCode(errno: errno).failure
    }

    static func setTimes(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        guard let access = try FilesystemValues.timestamp(call.argument(1)),
            let modification = try FilesystemValues.timestamp(call.argument(2))
        else { return FilesystemErrorCode.overflow.failure }
        guard case .success(let file) = descriptor.openFile() else { return FilesystemErrorCode.badDescriptor.failure }
        let times = [access, modification]
        let result = times.withUnsafeBufferPointer { futimens(file.descriptor, $0.baseAddress) }
        return result == 0 ? .result(.ok(nil)) : FilesystemErrorCode(errno: errno).failure
    }

    static func readDirectory(_ call: WASICall, _ descriptor: WASIDescriptor) throws -> ComponentValue {
        guard descriptor.kind == .directory else { return FilesystemErrorCode.notDirectory.failure }
        switch descriptor.openFile().flatMap({ DirectoryEntryStream.open($0, descriptor: descriptor) }) {
        case .success(let stream): return .result(.ok(try call.own(stream, "directory-entry-stream")))
        case .failure(let code): return code.failure
        }
    }

    /// `read-directory-entry`: needs the grant its directory flows from, at the directory's path.
    static var readDirectoryEntry: WASIHost.Function {
        let authority: (HostCallRequest) -> HostAuthority = { call in
            object(call, as: DirectoryEntryStream.self)?.authority ?? .none(basis: "not a stream the host made")
        }
        return WASIHost.Function(
            signature: "func(borrow<directory-entry-stream>) -> "
                + FilesystemValues.result("option<\(FilesystemValues.directoryEntry)>"),
            authority: authority, denied: { call, _ in refusal(call, authority(call)).failure }
        ) { call in
            switch try call.object(0, as: DirectoryEntryStream.self).next() {
            case .success(let entry?):
                return .result(
                    .ok(
                        .option(
                            .record([
                                ComponentValue.RecordField(name: "type", value: .enumCase(entry.type)),
                                ComponentValue.RecordField(name: "name", value: .string(entry.name)),
                            ]))))
            case .success(nil): return .result(.ok(.option(nil)))
            case .failure(let code): return code.failure
            }
        }
    }

    /// Whether two descriptors are the same file (device and inode); false when either cannot say.
    static var isSameObject: WASIHost.Function {
        let authority: (HostCallRequest) -> HostAuthority = { call in
            object(call, as: WASIDescriptor.self)?.authority(call.function, .read)
                ?? .none(basis: "not a descriptor the host made")
        }
        return WASIHost.Function(
            signature: "func(\(descriptor), \(descriptor)) -> bool", authority: authority,
            denied: { _, _ in .bool(false) }
        ) { call in
            let first = try call.object(0, as: WASIDescriptor.self).openFile().flatMap { $0.status() }
            let second = try call.object(1, as: WASIDescriptor.self).openFile().flatMap { $0.status() }
            guard case .success(let one) = first, case .success(let other) = second else { return .bool(false) }
            return .bool(FileIdentity(one) == FileIdentity(other))
        }
    }

    /// The `OpenRequest` of an `open-at`'s arguments, nil when they are not flags.
    static func openRequest(_ arguments: [ComponentValue]) -> OpenRequest? {
        guard arguments.count == 5 else { return nil }
        return OpenRequest(open: arguments[3], flags: arguments[4])
    }
}
