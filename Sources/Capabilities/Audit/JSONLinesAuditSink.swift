import Synchronization

/// Appends audit records to a file, one JSON object per line (schema: README.md, The audit trail).
///
/// Every `decided` record is handed to the kernel with `write(2)` before `record` returns, so a
/// crash or SIGKILL of wasmsh after that point loses nothing already decided (surviving a power
/// loss as well needs `syncToDisk`, an `fsync` per record and much slower).
/// `finished` records are written at once too, unless `outcomes` is `.withNextDecision`: then
/// they wait in memory and go out in the same write as the next decision (or on `flush`), which
/// halves the system calls at the price of losing the last outcomes on a crash.
/// Both records of a call that stays in the process (`AuditEvent.staysInProcess`: a clock,
/// random bytes) wait that way whatever `outcomes` says: a crash can lose them, but never the
/// record of anything done outside wasmsh, whose decision always goes out before it is done.
public final class JSONLinesAuditSink: AuditSink {
    public enum OutcomeWrites: Sendable {
        case immediately
        case withNextDecision
    }

    private struct State {
        var descriptor: Int32
        let line = JSONLineBuilder()
        var memory = EncodingMemory()
        /// Finished records waiting for the next decision (`.withNextDecision`).
        var pending: [UInt8] = []
    }

    /// The most bytes held for the next write; more go out at once.
    static let pendingLimit = 64 << 10

    public let path: String
    public let outcomes: OutcomeWrites
    public let syncToDisk: Bool
    private let state: Mutex<State>

    /// Opens (creating if needed) `path` for appending. A FIFO must have a reader already:
    /// opening one without would wait for a reader, with the shell stuck until one comes.
    public init(path: String, outcomes: OutcomeWrites = .immediately, syncToDisk: Bool = false) throws(AuditError) {
        // Without waiting; writes block again once it is open, so that a record is written
        // whole before the call it records goes on.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENXIO {
                throw AuditError(
                    "cannot open \(path): it is a FIFO that nothing reads yet; start its reader first (cat \(path))")
            }
            throw AuditError("cannot open \(path): \(SystemFiles.message(for: code))")
        }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            let code = errno
            close(descriptor)
            throw AuditError("cannot open \(path): \(SystemFiles.message(for: code))")
        }
        self.path = path
        self.outcomes = outcomes
        self.syncToDisk = syncToDisk
        state = Mutex(State(descriptor: descriptor))
    }

    deinit {
        state.withLock { state in
            if !state.pending.isEmpty { _ = Self.writeAll(state.pending, to: state.descriptor) }
            close(state.descriptor)
        }
    }

    public func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError) {
        let failure: AuditError? = state.withLock { state in
            state.line.reset()
            Self.encode(event, phase: phase, into: state.line, memory: &state.memory)
            if event.staysInProcess || (phase == .finished && outcomes == .withNextDecision),
                state.pending.count + state.line.bytes.count <= Self.pendingLimit
            {
                state.pending.append(contentsOf: state.line.bytes)
                return nil
            }
            var code: Int32
            if state.pending.isEmpty {
                code = Self.writeAll(state.line.bytes, to: state.descriptor)
            } else {
                state.pending.append(contentsOf: state.line.bytes)
                code = Self.writeAll(state.pending, to: state.descriptor)
                state.pending.removeAll(keepingCapacity: true)
            }
            if code == 0, syncToDisk, fsync(state.descriptor) != 0 { code = errno }
            return code == 0 ? nil : AuditError("cannot write to \(path): \(SystemFiles.message(for: code))")
        }
        if let failure { throw failure }
    }

    public func flush() throws(AuditError) {
        let failure: AuditError? = state.withLock { state in
            guard !state.pending.isEmpty else { return nil }
            let code = Self.writeAll(state.pending, to: state.descriptor)
            state.pending.removeAll(keepingCapacity: true)
            return code == 0 ? nil : AuditError("cannot write to \(path): \(SystemFiles.message(for: code))")
        }
        if let failure { throw failure }
    }

    /// One record; the field order is the schema's.
    static func encode(_ event: AuditEvent, phase: AuditPhase, into line: JSONLineBuilder) {
        var memory = EncodingMemory()
        encode(event, phase: phase, into: line, memory: &memory)
    }

    /// The fields a sink's records repeat, as last written (`JSONLineBuilder.remembered`).
    struct EncodingMemory {
        struct Subject: Equatable {
            let component: String
            let interface: String
            let function: String
        }
        var subject = RememberedFields<Subject>()
        var decision = RememberedFields<AuditDecision>()
    }

    static func encode(_ event: AuditEvent, phase: AuditPhase, into line: JSONLineBuilder, memory: inout EncodingMemory)
    {
        line.beginObject()
        line.integer("v", 2)
        line.string("phase", phase.rawValue)
        line.integer("seq", event.sequence)
        line.timestamp("time", event.time)
        let subject = EncodingMemory.Subject(
            component: event.component, interface: event.interface, function: event.function)
        line.remembered(&memory.subject, key: subject) {
            line.string("component", subject.component)
            line.string("interface", subject.interface)
            line.string("function", subject.function)
        }
        // Each text read once: a text not written yet is written now.
        let arguments = event.arguments.formatted
        line.string("args", arguments.preview)
        if !arguments.isComplete { cutText("args_bytes", "args_sha256", arguments, into: line) }
        let decision = event.decision
        line.remembered(&memory.decision, key: decision) {
            line.string("decision", decision.verdict.rawValue)
            line.string("by", decision.authority.rawValue)
            line.string("reason", decision.reason)
            line.string("basis", decision.basis)
        }
        if phase == .finished {
            switch event.outcome {
            case .returned(let value)?:
                let result = value.formatted
                line.string("outcome", "returned")
                line.string("result", result.preview)
                if !result.isComplete { cutText("result_bytes", "result_sha256", result, into: line) }
            case .failed(let message)?:
                let error = message.formatted
                line.string("outcome", "failed")
                line.string("error", error.preview)
                if !error.isComplete { cutText("error_bytes", "error_sha256", error, into: line) }
            case nil:
                line.null("outcome")
            }
            line.integer("duration_ns", event.durationNanoseconds ?? 0)
            if let traffic = event.traffic {
                line.string("stream", traffic.channel)
                line.string("direction", traffic.direction.rawValue)
                line.integer("bytes", traffic.bytes)
            }
        }
        line.endLine()
    }

    /// The length and digest of a text whose preview is cut: the length is null while not measured.
    private static func cutText(
        _ bytesKey: StaticString, _ digestKey: StaticString, _ text: AuditText.Formatted, into line: JSONLineBuilder
    ) {
        if let count = text.byteCount { line.integer(bytesKey, UInt64(count)) } else { line.null(bytesKey) }
        if let digest = text.sha256 { line.string(digestKey, digest) }
    }

    /// Writes every byte (retrying short writes and EINTR); 0 or the errno. When a write fails
    /// part-way (a full disk), a regular file is cut back to where it ended before, so that no
    /// torn line is left for a reader to mistake for a record. (A FIFO cannot be cut back; a
    /// reader of one sees the failure as the writer's end.) The file's size is asked only then:
    /// what this call appended is taken off its end.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if offset > 0 {
                    var status = stat()
                    if fstat(descriptor, &status) == 0, SystemFiles.isType(status.st_mode, S_IFREG),
                        status.st_size >= off_t(offset)
                    {
                        _ = ftruncate(descriptor, status.st_size - off_t(offset))
                    }
                }
                return code
            }
            offset += written
        }
        return 0
    }
}
