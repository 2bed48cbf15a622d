import Capabilities
import Foundation
import Testing
import WasmRuntime

@Suite("WASI commands")
struct CommandRunTests {
    @Test("hello prints on stdout and stderr when both are granted")
    func helloGranted() throws {
        let hello = try WASIFixture("hello", grants: [GrantRequest("stdout"), GrantRequest("stderr")])
        #expect(try hello.run() == .returned(ok: true))
        #expect(hello.output.stdoutText == "hello from wasi\n")
        #expect(hello.output.stderrText == "hello on stderr\n")
    }

    @Test("hello's output is dropped without a grant, and the run still succeeds")
    func helloDenied() throws {
        let hello = try WASIFixture("hello")
        #expect(try hello.run() == .returned(ok: true))
        #expect(hello.output.stdout.isEmpty)
        #expect(hello.output.stderr.isEmpty)
    }
}

@Suite("WASI guests that wait")
struct BlockingTests {
    /// Runs `body` while another thread interrupts the component's calls after `delay` seconds.
    static func interrupting<T>(_ fixture: WASIFixture, after delay: Double, _ body: () throws -> T) rethrows -> T {
        let interrupts = fixture.environment.interrupts
        let thread = Thread {
            Thread.sleep(forTimeInterval: delay)
            interrupts.interruptAll()
        }
        thread.start()
        return try body()
    }

    @Test("a guest blocked on a pollable stops at the call's time limit, long before its sleep ends")
    func sleepStopsAtTimeLimit() throws {
        var limits = ComponentLimits.default
        limits.callSeconds = 0.2
        let sleep = try WASIFixture("sleep", grants: [GrantRequest("stdout")], limits: limits)
        let start = Date()
        #expect {
            _ = try sleep.run(["10000"])
        } throws: { error in
            "\(error)".contains("time limit")
        }
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(sleep.component.gate.state.objects.count == 0)
    }

    @Test("Ctrl-C stops a guest blocked in poll")
    func pollStopsOnInterrupt() throws {
        let sleep = try WASIFixture("sleep", grants: [GrantRequest("stdout")])
        let start = Date()
        #expect {
            _ = try Self.interrupting(sleep, after: 0.1) { try sleep.run(["10000", "--poll"]) }
        } throws: { error in
            "\(error)".contains("Ctrl-C")
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test("Ctrl-C stops a guest blocked reading standard input that never comes")
    func readStopsOnInterrupt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmsh-fifo-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("input").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Held open for writing (and never written): the reader waits, with no end of file.
        let writer = open(fifo, O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        let cat = try WASIFixture("cat", grants: [GrantRequest("stdout")])
        let input = try GuestInput(file: fifo)
        #expect {
            _ = try Self.interrupting(cat, after: 0.1) { try cat.run([], input: input) }
        } throws: { error in
            "\(error)".contains("Ctrl-C")
        }
    }

    @Test("what a guest holds is released when it traps, and the instance then refuses calls")
    func releasedOnTrap() throws {
        let exit = try WASIFixture("exit", grants: [GrantRequest("stdout")])
        #expect(throws: (any Error).self) { _ = try exit.run(["trap"]) }
        #expect(exit.component.gate.state.objects.count == 0)
        #expect(throws: (any Error).self) { _ = try exit.run(["ok"]) }
    }

    @Test("exit ends the run with its status, releases what the guest held, and the instance must be reloaded")
    func exitStatus() throws {
        let exit = try WASIFixture("exit-code", grants: [GrantRequest("stdout")])
        #expect(try exit.run(["42"]) == .exited(42))
        #expect(exit.output.stdoutText.hasPrefix("calling exit-with-code"))
        #expect(exit.component.gate.state.objects.count == 0)
        #expect(throws: (any Error).self) { _ = try exit.run(["0"]) }
    }
}
