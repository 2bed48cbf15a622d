import Capabilities
import Testing

/// The audit names what a filesystem call touched: the host path a guest path resolved to, and
/// the grant it flowed from; `get-directories` records what it handed out, or its refusal.
@Suite("WASI filesystem: audit records")
struct FilesystemAuditTests {
    static func events(_ run: FSCommand, _ function: String) -> [AuditEvent] {
        run.audit.history.filter { $0.function == function }
    }

    @Test("open-at records the host path its path resolved to (through a link) and the grant")
    func resolvedPath() throws {
        let root = try FilesystemGrantTests.tree()
        let run = try FSCommand.run(["read", "link-in"], root: root.path, grants: ["./data::/data"])
        #expect(run.stdout == "hello from a file\n")
        let via = "(via '\(root.path)/data/hello.txt' in ./data::/data)"
        let opens = Self.events(run, "[method]descriptor.open-at")
        try #require(opens.count == 1)
        #expect(opens[0].interface == "wasi:filesystem/types@0.2.12")
        #expect(opens[0].decision.verdict == .allowed)
        #expect(opens[0].decision.basis == "grant wasi:filesystem read ./data::/data \(via)")
        #expect(opens[0].arguments.preview.contains("\"link-in\""))
        // Reads on the descriptor it opened flow from the same grant, at the same path.
        let reads = Self.events(run, "[method]descriptor.read")
        #expect(!reads.isEmpty)
        #expect(reads.allSatisfy { $0.decision.basis == "grant wasi:filesystem read ./data::/data \(via)" })
    }

    @Test("get-directories records the directories it handed out")
    func preopensGranted() throws {
        let root = try FilesystemGrantTests.tree()
        let run = try FSCommand.run(
            ["preopens"], root: root.path, grants: ["./data::/data"], writable: ["./data/sub::/sub"])
        let events = Self.events(run, "get-directories")
        try #require(events.count == 1)
        #expect(events[0].interface == "wasi:filesystem/preopens@0.2.12")
        #expect(events[0].decision.verdict == .allowed)
        #expect(
            events[0].decision.basis
                == "hands out the directories granted to it: ./data::/data [read], ./data/sub::/sub [read+write]")
    }

    @Test("without a grant get-directories is refused, recorded, and gives an empty list")
    func preopensDenied() throws {
        let root = try FilesystemGrantTests.tree()
        let run = try FSCommand.run(["read", "hello.txt"], root: root.path)
        #expect(run.stderr == "fs: no preopened directory\n")
        let events = Self.events(run, "get-directories")
        try #require(events.count == 1)
        #expect(events[0].decision.verdict == .denied)
        #expect(events[0].decision.reason == "missing-capability")
        #expect(events[0].outcome == .returned("[]"))
    }

    @Test("an escape is recorded as refused, naming where it leads on the host")
    func escapeRecorded() throws {
        let root = try FilesystemGrantTests.tree()
        let run = try FSCommand.run(["read", "link-out"], root: root.path, grants: ["./data::/data"])
        #expect(run.failure == "open-at: not-permitted")
        let opens = Self.events(run, "[method]descriptor.open-at")
        try #require(opens.count == 1)
        #expect(opens[0].decision.verdict == .denied)
        #expect(opens[0].decision.reason == "outside-scope")
        #expect(opens[0].decision.basis == "outside ./data::/data (via '\(root.path)/outside.txt' in ./data::/data)")
        #expect(opens[0].outcome == .returned("err(not-permitted)"))
    }

    @Test("a deny inside a preopen is recorded as the deny, at the path it covers")
    func denyRecorded() throws {
        let root = try FilesystemGrantTests.tree()
        let run = try FSCommand.run(
            ["read", "sub/inner.txt"], root: root.path, grants: ["./data::/data"], denies: ["./data/sub"])
        #expect(run.failure == "open-at: access")
        let opens = Self.events(run, "[method]descriptor.open-at")
        try #require(opens.count == 1)
        #expect(opens[0].decision.reason == "explicitly-denied")
        #expect(opens[0].decision.basis.contains("'\(root.path)/data/sub/inner.txt' in ./data::/data"))
        #expect(opens[0].outcome == .returned("err(access)"))
    }
}
