import Foundation
import PTYTestSupport
import Testing

@testable import Shell

@Suite("audit log command")
struct AuditLogCommandTests {
    @Test("a log that cannot be opened leaves the one before logging, with nothing said of stopping it")
    func failedSwitchKeepsTheOldLog() throws {
        let directory = try TemporaryFolder(prefix: "wasmsh-switch")
        // Kept to the end: the folder is removed when its last reference goes.
        defer { withExtendedLifetime(directory) {} }
        let first = directory.url.appendingPathComponent("first.jsonl").path
        let fifo = directory.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (session, output) = try makeInspectorSession(loading: [])
        try session.execute("audit log \(first)")
        #expect(throws: (any Error).self) { try session.execute("audit log \(fifo)") }
        #expect(throws: (any Error).self) { try session.execute("audit log \(directory.path)/missing/x.jsonl") }
        #expect(!output.standardOutput.contains("stopped logging"))
        #expect(session.auditFile?.path == first)
        try session.execute("load malicious")
        try session.execute("call malicious.run()")
        session.callsEnded()
        let records = try String(contentsOfFile: first, encoding: .utf8).split(separator: "\n")
        #expect(records.count == 2, "the call's decided and finished records, in the log opened first")
    }
}
