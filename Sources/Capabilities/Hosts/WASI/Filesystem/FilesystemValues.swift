import WasmComponent

/// The values of `wasi:filesystem/types` as the host reads and makes them: flags, descriptor
/// types, stats, timestamps, and their shapes as `WITPrinter.structuralSignature` spells them.
enum FilesystemValues {
    static let datetime = ClockAndRandomHosts.datetime
    static let descriptorType =
        "enum { unknown, block-device, character-device, directory, fifo, symbolic-link, regular-file, socket }"
    static let descriptorFlags =
        "flags { read, write, file-integrity-sync, data-integrity-sync, requested-write-sync, mutate-directory }"
    static let pathFlags = "flags { symlink-follow }"
    static let openFlags = "flags { create, directory, exclusive, truncate }"
    static let newTimestamp = "variant { no-change, now, timestamp(\(datetime)) }"
    static let advice = "enum { normal, sequential, random, will-need, dont-need, no-reuse }"
    static let descriptorStat =
        "record { %type: \(descriptorType), link-count: u64, size: u64, "
        + "data-access-timestamp: option<\(datetime)>, data-modification-timestamp: option<\(datetime)>, "
        + "status-change-timestamp: option<\(datetime)> }"
    static let metadataHash = "record { lower: u64, upper: u64 }"
    static let directoryEntry = "record { %type: \(descriptorType), name: string }"

    /// `result<T, error-code>`.
    static func result(_ ok: String?) -> String {
        "result<\(ok ?? "_"), \(FilesystemErrorCode.witType)>"
    }

    /// The names set in a `flags` argument.
    static func flags(_ value: ComponentValue) throws -> Set<String> {
        guard case .flags(let names) = value else { throw WASICall.malformed("not flags") }
        return Set(names)
    }

    /// The `descriptor-type` of a file mode.
    static func type(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFBLK: "block-device"
        case S_IFCHR: "character-device"
        case S_IFDIR: "directory"
        case S_IFIFO: "fifo"
        case S_IFLNK: "symbolic-link"
        case S_IFREG: "regular-file"
        case S_IFSOCK: "socket"
        default: "unknown"
        }
    }

    /// The `descriptor-type` of a directory entry's `d_type`; nil when the system does not say.
    static func type(ofEntry type: UInt8) -> String? {
        switch Int(type) {
        case Int(DT_BLK): "block-device"
        case Int(DT_CHR): "character-device"
        case Int(DT_DIR): "directory"
        case Int(DT_FIFO): "fifo"
        case Int(DT_LNK): "symbolic-link"
        case Int(DT_REG): "regular-file"
        case Int(DT_SOCK): "socket"
        default: nil
        }
    }

    /// A `descriptor-stat`. The status-change time is the inode's change time, as the WIT says
    /// (wasmtime reports the birth time there, when the system keeps one).
    static func stat(_ status: stat) -> ComponentValue {
        .record([
            ComponentValue.RecordField(name: "type", value: .enumCase(type(of: status.st_mode))),
            ComponentValue.RecordField(name: "link-count", value: .u64(UInt64(status.st_nlink))),
            ComponentValue.RecordField(name: "size", value: .u64(UInt64(max(0, status.st_size)))),
            ComponentValue.RecordField(name: "data-access-timestamp", value: datetime(status.st_atim)),
            ComponentValue.RecordField(name: "data-modification-timestamp", value: datetime(status.st_mtim)),
            ComponentValue.RecordField(name: "status-change-timestamp", value: datetime(status.st_ctim)),
        ])
    }

    /// `option<datetime>`: none for a time before 1970, which `datetime` cannot hold.
    static func datetime(_ time: timespec) -> ComponentValue {
        guard time.tv_sec >= 0, time.tv_nsec >= 0 else { return .option(nil) }
        return .option(
            ClockAndRandomHosts.datetimeValue(seconds: UInt64(time.tv_sec), nanoseconds: UInt32(time.tv_nsec)))
    }

    // `utimensat`'s special nanoseconds (macros Swift does not import).
    #if os(Linux)
        static let currentTime = (1 << 30) - 1
        static let omitTime = (1 << 30) - 2
    #else
        static let currentTime = -1
        static let omitTime = -2
    #endif

    /// A `new-timestamp` as `utimensat` takes it; nil for a time the system cannot hold.
    static func timestamp(_ value: ComponentValue) throws -> timespec? {
        guard case .variant(let name, let payload) = value else { throw WASICall.malformed("not a new-timestamp") }
        switch name {
        case "no-change": return timespec(tv_sec: 0, tv_nsec: omitTime)
        case "now": return timespec(tv_sec: 0, tv_nsec: currentTime)
        case "timestamp":
            guard case .record(let fields)? = payload, fields.count == 2, case .u64(let seconds) = fields[0].value,
                case .u32(let nanoseconds) = fields[1].value
            else { throw WASICall.malformed("not a datetime") }
            guard seconds <= UInt64(Int.max), nanoseconds < 1_000_000_000 else { return nil }
            return timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds))
        default: throw WASICall.malformed("not a new-timestamp")
        }
    }

    /// A `metadata-hash-value`: as wasmtime computes it (SipHash-1-3 with zero keys, std's
    /// `DefaultHasher`, of the device and inode numbers; the upper half the lower one xor a
    /// constant), so the same file hashes alike under both hosts.
    static func metadataHash(_ status: stat) -> ComponentValue {
        let lower = MetadataHash.lower(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        return .record([
            ComponentValue.RecordField(name: "lower", value: .u64(lower)),
            ComponentValue.RecordField(name: "upper", value: .u64(lower ^ MetadataHash.upperMask)),
        ])
    }
}
