import Capabilities
import Foundation
import Testing
import WasmRuntime

extension SocketSuites {
    /// Blocking socket calls stop when asked, and every socket the hosts opened is closed again.
    @Suite("interruption and lifetime")
    struct SocketLifetimeTests {
        /// A guest blocked in `blocking-read` on a loopback peer that never writes.
        private func blockedRead(callSeconds: Double? = nil, interruptAfter: Double?) throws -> (
            error: (any Error)?, waited: Double, stoppedAfter: Double
        ) {
            let peer = try LoopbackPeer.silentTCP()
            defer { peer.stop() }
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")], callSeconds: callSeconds)
            let clock = ContinuousClock()
            let start = clock.now
            if let interruptAfter {
                let interrupt = net.component.component.interrupter
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: interruptAfter)
                    interrupt()
                }
            }
            var failure: (any Error)?
            do { _ = try net.run(["tcp", "127.0.0.1", "\(peer.port)", "anyone there?"]) } catch { failure = error }
            let waited = (clock.now - start) / .seconds(1)
            #expect(net.output.stdoutText == "connected\nsent 13 bytes\nreceived: ")
            return (failure, waited, waited - (interruptAfter ?? callSeconds ?? 0))
        }

        @Test("Ctrl-C stops a guest blocked reading a silent peer within 100 ms")
        func interruptStopsBlockedRead() throws {
            let (error, _, stoppedAfter) = try blockedRead(interruptAfter: 0.3)
            #expect((error as? GuestInterrupted)?.reason == "the call was stopped (Ctrl-C)")
            #expect(stoppedAfter < 0.1, "stopped \(Int(stoppedAfter * 1000)) ms after Ctrl-C")
        }

        /// The runtime's watchdog looks at running calls every 100 ms, so the limit is noticed up
        /// to 100 ms after it passes; the read stops within 100 ms after that.
        @Test("the call's time limit stops a guest blocked reading a silent peer")
        func timeLimitStopsBlockedRead() throws {
            let (error, _, stoppedAfter) = try blockedRead(callSeconds: 0.3, interruptAfter: nil)
            #expect((error as? GuestInterrupted)?.reason == "the call ran longer than its 0.3 s time limit")
            #expect(stoppedAfter < 0.2, "stopped \(Int(stoppedAfter * 1000)) ms after the limit")
        }

        @Test("a run that ends, fails, is refused or is interrupted leaves no socket open once unloaded")
        func socketsAreClosed() throws {
            let before = OpenSockets.count()
            do {
                let peer = try LoopbackPeer.tcpEcho(prefix: "echo: ")
                let udpPeer = try LoopbackPeer.udpEcho(prefix: "echo: ")
                let net = try NetFixture(grants: [
                    NetFixture.sockets("tcp:connect 127.0.0.1:* udp:bind 127.0.0.1:0 udp:send 127.0.0.1:*")
                ])
                #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "one"]) == .returned(ok: true))
                #expect(try net.run(["udp", "127.0.0.1", "\(udpPeer.port)", "two"]) == .returned(ok: true))
                peer.stop()
                udpPeer.stop()
                // The guest dropped everything itself.
                #expect(OpenSockets.count() == before)
                // A refused connect leaves the socket with the instance (net.wasm drops nothing on
                // failure): the instance keeps it until it goes.
                #expect(try net.run(["tcp", "127.0.0.2", "9", "x"]) == .returned(ok: false))
                #expect(OpenSockets.count() == before + 1)
            }
            #expect(OpenSockets.count() == before)
            // A guest interrupted with its connection open: the instance ends, its sockets with it.
            _ = try blockedRead(interruptAfter: 0.2)
            #expect(OpenSockets.count() == before)
        }
    }
}
