import Foundation
import Testing

@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Audit log")
struct AuditLogTests {
    /// A fresh file path in a fresh temporary directory, removed when `body` ends.
    static func withTemporaryFile(_ body: (String) throws -> Void) throws {
        var template = Array("/tmp/wasmsh-audit-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw AuditError("mkdtemp failed") }
        let directory = String(cString: made)
        let path = directory + "/audit.jsonl"
        defer {
            unlink(path)
            rmdir(directory)
        }
        try body(path)
    }

    static func lines(of path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let dictionary = object as? [String: Any] else { throw AuditError("not an object: \(line)") }
            return dictionary
        }
    }

    static let allowed = AuditDecision(
        verdict: .allowed, authority: .policy, reason: nil, basis: "grant filesystem read ./demo.txt")
    static let denied = AuditDecision(
        verdict: .denied, authority: .policy, reason: "missing-capability", basis: "no filesystem capability")

    @Test("JSONL read back: every field of both phases")
    func jsonLinesRoundTrip() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            let before = WallClockTime.now()
            let first = try log.begin(
                component: "trusted", interface: "sandbox:skill/filesystem", function: "read-file",
                arguments: "\"./demo.txt\"", decision: Self.allowed)
            let finished = try log.finish(first, outcome: .returned("ok(\"Hello from the sandbox!\\n\")"))
            let second = try log.begin(
                component: "malicious", interface: "sandbox:skill/filesystem", function: "read-file",
                arguments: "\"/etc/passwd\"", decision: Self.denied)
            try log.finish(second, outcome: .failed("trap: \"quoted\"\n\u{1}\\ é 😀"))

            let records = try Self.lines(of: path)
            #expect(records.count == 4)
            let expectedKeys: Set<String> = [
                "v", "phase", "seq", "time", "component", "interface", "function", "args",
                "decision", "by", "reason", "basis",
            ]
            #expect(Set(records[0].keys) == expectedKeys)
            #expect(Set(records[1].keys) == expectedKeys.union(["outcome", "result", "duration_ns"]))
            #expect(Set(records[3].keys) == expectedKeys.union(["outcome", "error", "duration_ns"]))

            #expect(records[0]["v"] as? Int == 2)
            #expect(records.map { $0["phase"] as? String } == ["decided", "finished", "decided", "finished"])
            #expect(records.map { $0["seq"] as? Int } == [1, 1, 2, 2])
            #expect(records[0]["component"] as? String == "trusted")
            #expect(records[0]["interface"] as? String == "sandbox:skill/filesystem")
            #expect(records[0]["function"] as? String == "read-file")
            #expect(records[0]["args"] as? String == "\"./demo.txt\"")
            #expect(records[0]["decision"] as? String == "allowed")
            #expect(records[0]["by"] as? String == "policy")
            #expect(records[0]["reason"] is NSNull)
            #expect(records[0]["basis"] as? String == "grant filesystem read ./demo.txt")
            #expect(records[1]["outcome"] as? String == "returned")
            #expect(records[1]["result"] as? String == "ok(\"Hello from the sandbox!\\n\")")
            #expect((records[1]["duration_ns"] as? Int).map(UInt64.init) == finished.durationNanoseconds)
            #expect(records[2]["decision"] as? String == "denied")
            #expect(records[2]["reason"] as? String == "missing-capability")
            #expect(records[2]["basis"] as? String == "no filesystem capability")
            #expect(records[2]["args"] as? String == "\"/etc/passwd\"")
            #expect(records[3]["outcome"] as? String == "failed")
            #expect(records[3]["error"] as? String == "trap: \"quoted\"\n\u{1}\\ é 😀")

            // Both phases carry the same decision time, in RFC 3339 UTC with microseconds.
            let time = try #require(records[0]["time"] as? String)
            #expect(records[1]["time"] as? String == time)
            #expect(time == first.time.rfc3339)
            #expect(first.time >= before && first.time <= WallClockTime.now())
            #expect(time.count == 27 && time.hasSuffix("Z"))
        }
    }

    @Test("fields repeated from the record before are written as the record's own, and changed ones anew")
    func repeatedFieldsStayExact() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            let calls: [(component: String, function: String, decision: AuditDecision)] = [
                ("app", "now", Self.allowed), ("app", "now", Self.allowed), ("app", "now", Self.denied),
                ("app", "resolution", Self.denied), ("other \"one\"", "resolution", Self.denied),
                ("app", "now", Self.allowed),
            ]
            for call in calls {
                let event = try log.begin(
                    component: call.component, interface: "wasi:clocks/monotonic-clock@0.2.0", function: call.function,
                    arguments: "", decision: call.decision)
                try log.finish(event, outcome: .returned("1"))
            }
            let records = try Self.lines(of: path)
            #expect(records.count == calls.count * 2)
            for (index, record) in records.enumerated() {
                let call = calls[index / 2]
                #expect(record["component"] as? String == call.component)
                #expect(record["function"] as? String == call.function)
                #expect(record["interface"] as? String == "wasi:clocks/monotonic-clock@0.2.0")
                #expect(record["decision"] as? String == call.decision.verdict.rawValue)
                #expect(record["basis"] as? String == call.decision.basis)
                #expect((record["reason"] as? String) == call.decision.reason)
                #expect(record["by"] as? String == "policy")
            }
        }
    }

    @Test("the decision is in the file before begin returns, ahead of any host work")
    func decidedBeforeWork() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            let event = try log.begin(
                component: "c", interface: "i", function: "f", arguments: "", decision: Self.allowed)
            // Read by another descriptor, as a process surviving our crash would.
            let seen = try Self.lines(of: path)
            #expect(seen.count == 1 && seen[0]["phase"] as? String == "decided" && seen[0]["seq"] as? Int == 1)
            try log.finish(event, outcome: .returned(""))
            #expect(try Self.lines(of: path).count == 2)
        }
    }

    @Test("outcomes can ride with the next decision; flush writes them")
    func batchedOutcomes() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path, outcomes: .withNextDecision)])
            let first = try log.begin(
                component: "c", interface: "i", function: "f", arguments: "1", decision: Self.allowed)
            try log.finish(first, outcome: .returned("1"))
            #expect(try Self.lines(of: path).map { $0["phase"] as? String } == ["decided"])
            let second = try log.begin(
                component: "c", interface: "i", function: "f", arguments: "2", decision: Self.allowed)
            #expect(try Self.lines(of: path).map { $0["phase"] as? String } == ["decided", "finished", "decided"])
            try log.finish(second, outcome: .returned("2"))
            try log.flush()
            #expect(try Self.lines(of: path).map { $0["seq"] as? Int } == [1, 1, 2, 2])
        }
    }

    @Test("records of calls that stay in the process wait for the next decision, which goes out at once with them")
    func inProcessRecordsWait() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            for _ in 0..<3 {
                let clock = try log.begin(
                    component: "c", interface: "wasi:clocks/monotonic-clock@0.2.12", function: "now", arguments: "",
                    decision: Self.allowed, staysInProcess: true)
                try log.finish(clock, outcome: .returned("1"))
            }
            #expect(try Self.lines(of: path).isEmpty)
            let read = try log.begin(
                component: "c", interface: "i", function: "read", arguments: "", decision: Self.allowed)
            // The decision of a call with an effect is in the file before begin returns, after
            // everything that waited.
            #expect(try Self.lines(of: path).map { $0["seq"] as? Int } == [1, 1, 2, 2, 3, 3, 4])
            try log.finish(read, outcome: .returned(""))
            #expect(try Self.lines(of: path).count == 8)
            let last = try log.begin(
                component: "c", interface: "wasi:random/random", function: "get-random-bytes", arguments: "16",
                decision: Self.allowed, staysInProcess: true)
            try log.finish(last, outcome: .returned("[]"))
            #expect(try Self.lines(of: path).count == 8)
            try log.flush()
            #expect(try Self.lines(of: path).map { $0["phase"] as? String }.suffix(2) == ["decided", "finished"])
        }
    }

    @Test("records that stay in the process are written once a buffer's worth waits")
    func inProcessRecordsAreBounded() throws {
        try Self.withTemporaryFile { path in
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            for _ in 0..<2_000 {
                let clock = try log.begin(
                    component: "c", interface: "wasi:clocks/monotonic-clock", function: "now", arguments: "",
                    decision: Self.allowed, staysInProcess: true)
                try log.finish(clock, outcome: .returned("1"))
            }
            let written = try Self.lines(of: path)
            #expect(!written.isEmpty && written.count < 4_000)
            #expect(written.map { $0["seq"] as? Int ?? 0 } == written.indices.map { $0 / 2 + 1 })
            try log.flush()
            #expect(try Self.lines(of: path).count == 4_000)
        }
    }

    @Test("appending to an existing log keeps what was there")
    func appends() throws {
        try Self.withTemporaryFile { path in
            for _ in 0..<2 {
                let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
                let event = try log.begin(
                    component: "c", interface: "i", function: "f", arguments: "", decision: Self.denied)
                try log.finish(event, outcome: .returned("err(\"no\")"))
            }
            #expect(try Self.lines(of: path).count == 4)
        }
    }

    @Test("an unwritable log file is an error when opened")
    func unwritable() {
        #expect(throws: AuditError("cannot open /nonexistent/dir/audit.jsonl: No such file or directory")) {
            try JSONLinesAuditSink(path: "/nonexistent/dir/audit.jsonl")
        }
    }

    @Test("a FIFO nothing reads is refused at once, not waited on; one with a reader gets every record")
    func fifo() throws {
        try Self.withTemporaryFile { path in
            #expect(mkfifo(path, 0o600) == 0)
            #expect(
                throws: AuditError(
                    "cannot open \(path): it is a FIFO that nothing reads yet; start its reader first (cat \(path))")
            ) { try JSONLinesAuditSink(path: path) }
            // A reader that does not wait for a writer, as `cat` would be.
            let reader = open(path, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            let log = AuditLog(sinks: [try JSONLinesAuditSink(path: path)])
            let event = try log.begin(
                component: "c", interface: "i", function: "f", arguments: "", decision: Self.allowed)
            try log.finish(event, outcome: .returned("ok"))
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(reader, &buffer, buffer.count)
            let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            #expect(text.split(separator: "\n").count == 2)
        }
    }

    final class FailingSink: AuditSink {
        func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError) { throw AuditError("disk full") }
        func flush() throws(AuditError) {}
    }

    @Test("a decision that cannot be recorded is an error: the caller must not run the call")
    func failingSink() {
        let log = AuditLog(sinks: [FailingSink()])
        #expect(throws: AuditError("disk full")) {
            try log.begin(component: "c", interface: "i", function: "f", arguments: "", decision: Self.allowed)
        }
        #expect(log.history.count == 1)
    }

    @Test("history keeps the newest events in order and fills in outcomes")
    func history() throws {
        let log = AuditLog(historyLimit: 3)
        var events: [AuditEvent] = []
        for index in 1...5 {
            events.append(
                try log.begin(
                    component: "c", interface: "i", function: "f", arguments: AuditText("\(index)"),
                    decision: Self.allowed))
        }
        try log.finish(events[1], outcome: .returned("dropped already"))
        try log.finish(events[3], outcome: .returned("four"))
        let history = log.history
        #expect(history.map(\.sequence) == [3, 4, 5])
        #expect(history.map(\.outcome) == [nil, .returned("four"), nil])
        #expect(history[1].durationNanoseconds != nil)
        #expect(log.droppedFromHistory == 2)
    }

    @Test("sequence numbers are unique and gap-free under concurrent calls")
    func concurrent() async throws {
        let log = AuditLog(historyLimit: 10_000)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<250 {
                        if let event = try? log.begin(
                            component: "c\(task)", interface: "i", function: "f", arguments: AuditText("\(index)"),
                            decision: Self.allowed)
                        {
                            _ = try? log.finish(event, outcome: .returned(""))
                        }
                    }
                }
            }
        }
        let history = log.history
        #expect(history.map(\.sequence) == Array(1...2000))
        #expect(history.allSatisfy { $0.outcome == .returned("") })
    }

    @Test(
        "RFC 3339 timestamps",
        arguments: [
            (Int64(0), "1970-01-01T00:00:00.000000Z"),
            (1_700_000_000_123_456_789, "2023-11-14T22:13:20.123456Z"),
            (1_709_164_800_000_000_000, "2024-02-29T00:00:00.000000Z"),
            (951_782_400_000_000_000, "2000-02-29T00:00:00.000000Z"),
            (4_102_444_799_999_999_999, "2099-12-31T23:59:59.999999Z"),
            (-1_000, "1969-12-31T23:59:59.999999Z"),
        ])
    func timestamps(nanoseconds: Int64, text: String) {
        #expect(WallClockTime(nanosecondsSinceEpoch: nanoseconds).rfc3339 == text)
    }
}
