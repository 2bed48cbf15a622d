import Capabilities
import Foundation
import Testing

/// Descriptors hold real file descriptors, and they go when the guest drops them, when the
/// instance ends (a trap, an exit, an unload); what waits on a file stops when the call must.
@Suite("WASI filesystem: descriptors' lifetimes and blocking")
struct FilesystemLifecycleTests {
    /// How many of this process's open file descriptors are on something under `path`: the
    /// ones a test's own tree holds, whatever other tests running alongside open. (The session
    /// root itself is held by the environment's `SandboxedFileSystem` while it lives.)
    static func descriptors(under path: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.count { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry)
            else { return false }
            return target == path || target.hasPrefix(path + "/")
        }
    }

    @Test("preopens left open by a run are closed when the component is unloaded; dropped ones at once")
    func unloadClosesDescriptors() throws {
        let root = try FilesystemGrantTests.tree()
        let grants = ["./data::/data", "./data/sub::/sub"]
        do {
            // `fs read` drops the file it opened, never the preopens (as wasi-libc keeps them).
            let run = try FSCommand.run(["read", "hello.txt"], root: root.path, grants: grants)
            #expect(run.stdout == "hello from a file\n")
            #expect(Self.descriptors(under: root.path + "/data") == 2)
        }
        #expect(Self.descriptors(under: root.path) == 0)
    }

    @Test("a trap releases every descriptor the instance held, before anything is unloaded")
    func trapClosesDescriptors() throws {
        let root = try FilesystemGrantTests.tree()
        // The first directory opens; the second is missing, and get-directories traps on it.
        let run = try FSCommand.run(
            ["read", "hello.txt"], root: root.path, grants: ["./data::/data", "./missing::/missing"])
        #expect(run.outcome == nil)
        #expect(run.trap?.contains("'\(root.path)/missing' (./missing::/missing) cannot be opened") == true)
        #expect(Self.descriptors(under: root.path + "/data") == 0)
        #expect(run.fixture.component.gate.state.objects.count == 0)
    }

    @Test("a blocking read of a FIFO that stays empty stops at the call's time limit")
    func blockingReadStops() throws {
        let root = try FilesystemGrantTests.tree()
        let fifo = root.path + "/data/fifo"
        try #require(mkfifo(fifo, 0o644) == 0)
        // A writer that never writes: reads wait instead of seeing the end.
        let writer = open(fifo, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        try #require(writer >= 0)
        defer { close(writer) }
        let before = Self.descriptors(under: root.path + "/data")
        let started = ContinuousClock.now
        let run = try FSCommand.run(["stream-read", "fifo"], root: root.path, grants: ["./data::/data"]) {
            $0.limits.callSeconds = 0.3
        }
        let elapsed = ContinuousClock.now - started
        #expect(run.outcome == nil)
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        #expect(Self.descriptors(under: root.path + "/data") == before)
    }

    @Test("a FIFO with data is read through a stream without blocking the host")
    func fifoStream() throws {
        let root = try FilesystemGrantTests.tree()
        let fifo = root.path + "/data/fifo"
        try #require(mkfifo(fifo, 0o644) == 0)
        let writer = open(fifo, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        try #require(writer >= 0)
        let text = Array("through a pipe\n".utf8)
        #expect(text.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) } == text.count)
        // The reader sees the end once the only writer is gone; it opens before that.
        let closer = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            close(writer)
        }
        closer.start()
        let run = try FSCommand.run(["stream-read", "fifo"], root: root.path, grants: ["./data::/data"])
        #expect(run.stdout == "through a pipe\n")
        #expect(run.outcome == .returned(ok: true))
    }
}
