import Capabilities
import Foundation
import Testing

extension SocketSuites {
    /// What only wasmsh does with sockets: grants that name addresses, refusals as WASI error
    /// codes, and audit records that name the address.
    @Suite("grants, refusals and the audit")
    struct SocketGrantTests {
        @Test("a connect to an address not granted is access-denied, and the audit names the address")
        func connectOutsideGrant() throws {
            let peer = try LoopbackPeer.tcpEcho(prefix: "echo: ")
            defer { peer.stop() }
            let other = peer.port == 1 ? 2 : 1
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:\(other)")])

            #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "ping"]) == .returned(ok: false))
            #expect(net.output.stderrText == "net: start-connect: access-denied\n")
            let connect = try #require(net.calls(of: "[method]tcp-socket.start-connect").first)
            #expect(connect.decision.verdict == .denied)
            #expect(connect.decision.reason == "outside-scope")
            #expect(
                connect.decision.basis == "tcp:connect 127.0.0.1:\(peer.port) not among tcp:connect 127.0.0.1:\(other)")
            #expect(connect.arguments.preview.contains("port: \(peer.port)"))
            // The socket itself was allowed: any TCP grant lets one be made.
            let create = try #require(net.calls(of: "create-tcp-socket").first)
            #expect(create.decision.verdict == .allowed)
            #expect(create.decision.basis == "grant tcp tcp:connect 127.0.0.1:\(other) (via a new TCP socket)")
        }

        @Test("a connect granted for its exact address works, and its stream calls flow from that grant")
        func connectExactGrant() throws {
            let peer = try LoopbackPeer.tcpEcho(prefix: "echo: ")
            defer { peer.stop() }
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:\(peer.port)")])

            #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "ping"]) == .returned(ok: true))
            #expect(net.output.stdoutText == "connected\nsent 4 bytes\nreceived: echo: ping\n")
            let connect = try #require(net.calls(of: "[method]tcp-socket.start-connect").first)
            #expect(connect.decision.basis == "grant tcp tcp:connect 127.0.0.1:\(peer.port)")
            let reads = net.calls(of: "[method]input-stream.blocking-read")
            #expect(!reads.isEmpty)
            for read in reads {
                #expect(read.decision.verdict == .allowed)
                #expect(
                    read.decision.basis
                        == "grant tcp tcp:connect 127.0.0.1:\(peer.port) (via start-connect 127.0.0.1:\(peer.port))")
            }
        }

        @Test("a grant with * for the port reaches any port of that host, and no other host")
        func wildcardPort() throws {
            let peer = try LoopbackPeer.tcpEcho(prefix: "echo: ")
            defer { peer.stop() }
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "wild"]) == .returned(ok: true))
            #expect(net.output.stdoutText.hasSuffix("received: echo: wild\n"))

            let elsewhere = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try elsewhere.run(["tcp", "127.0.0.2", "\(peer.port)", "x"]) == .returned(ok: false))
            #expect(elsewhere.output.stderrText == "net: start-connect: access-denied\n")
        }

        @Test("a TCP grant gives no UDP: creating a UDP socket is access-denied")
        func tcpGrantIsNotUDP() throws {
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try net.run(["udp", "127.0.0.1", "9", "x"]) == .returned(ok: false))
            #expect(net.output.stderrText == "net: create-udp-socket: access-denied\n")
            let create = try #require(net.calls(of: "create-udp-socket").first)
            #expect(create.decision.reason == "missing-capability")
        }

        @Test("UDP needs its bind and its peer granted; each is audited with its address")
        func udpGrants() throws {
            let peer = try LoopbackPeer.udpEcho(prefix: "echo: ")
            defer { peer.stop() }
            let bindOnly = try NetFixture(grants: [NetFixture.sockets("udp:bind 127.0.0.1:0")])
            #expect(try bindOnly.run(["udp", "127.0.0.1", "\(peer.port)", "x"]) == .returned(ok: false))
            #expect(bindOnly.output.stderrText == "net: stream: access-denied\n")
            let stream = try #require(bindOnly.calls(of: "[method]udp-socket.stream").first)
            #expect(stream.decision.basis == "udp:send 127.0.0.1:\(peer.port) not among udp:bind 127.0.0.1:0")

            let both = try NetFixture(grants: [
                NetFixture.sockets("udp:bind 127.0.0.1:0 udp:send 127.0.0.1:\(peer.port)")
            ])
            #expect(try both.run(["udp", "127.0.0.1", "\(peer.port)", "hi"]) == .returned(ok: true))
            #expect(both.output.stdoutText == "bound\nsent 2 bytes\nreceived: echo: hi\n")
            let send = try #require(both.calls(of: "[method]outgoing-datagram-stream.send").first)
            #expect(send.decision.basis == "grant udp udp:send 127.0.0.1:\(peer.port)")
            let receive = try #require(both.calls(of: "[method]incoming-datagram-stream.receive").first)
            #expect(receive.decision.basis == "grant udp udp:bind 127.0.0.1:0 (via start-bind 127.0.0.1:0)")
        }

        @Test("a lookup without its grant is permanent-resolver-failure, audited as refused")
        func lookupDenied() throws {
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try net.run(["lookup", "127.0.0.1"]) == .returned(ok: false))
            #expect(net.output.stderrText == "net: resolve-addresses: permanent-resolver-failure\n")
            let lookup = try #require(net.calls(of: "resolve-addresses").first)
            #expect(lookup.decision.verdict == .denied)
            #expect(lookup.decision.reason == "missing-capability")
        }

        @Test("the whole wasi:sockets package, unscoped, allows lookups too")
        func wholePackage() throws {
            let net = try NetFixture(grants: [GrantRequest("wasi:sockets")])
            #expect(try net.run(["lookup", "::1"]) == .returned(ok: true))
            #expect(net.output.stdoutText == "ipv6 0:0:0:0:0:0:0:1\n")
        }

        @Test("after a revoke, the component can no longer make a socket")
        func revokeStopsSocket() throws {
            let peer = try LoopbackPeer.tcpEcho(prefix: "echo: ")
            defer { peer.stop() }
            let net = try NetFixture(grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "a"]) == .returned(ok: true))
            try net.component.policy.revoke("wasi:sockets", scopes: ["tcp:connect", "127.0.0.1:*"])
            #expect(try net.run(["tcp", "127.0.0.1", "\(peer.port)", "b"]) == .returned(ok: false))
            #expect(net.output.stderrText == "net: create-tcp-socket: access-denied\n")
        }

        @Test("a bind grant lets a server listen and accept; the accepted streams work under it")
        func serveUnderBindGrant() throws {
            let port = try LoopbackPeer.closedPort()
            let client = LoopbackPeer.tcpClient(port: port, request: "hello server")
            defer { client.stop() }
            let server = try NetFixture("sockets", grants: [NetFixture.sockets("tcp:bind 127.0.0.1:\(port)")])

            #expect(try server.run(["serve", "\(port)"]) == .returned(ok: true))
            #expect(server.output.stdoutText == "listening\naccepted\nreceived: hello server\nreplied\n")
            client.join()
            #expect(client.received == "hello from sockets.wasm\n")
            let bind = "grant tcp tcp:bind 127.0.0.1:\(port)"
            for function in ["[method]tcp-socket.start-listen", "[method]tcp-socket.accept"] {
                let calls = server.calls(of: function)
                #expect(!calls.isEmpty)
                #expect(calls.allSatisfy { $0.decision.basis == "\(bind) (via start-bind 127.0.0.1:\(port))" })
            }
            let streamCalls =
                server.calls(of: "[method]input-stream.blocking-read")
                + server.calls(of: "[method]output-stream.blocking-write-and-flush").filter {
                    $0.decision.basis.hasPrefix("grant tcp")
                }
            #expect(streamCalls.count >= 2)
            for call in streamCalls {
                #expect(call.decision.basis.hasPrefix("\(bind) (via accept 127.0.0.1:"))
                #expect(call.decision.basis.hasSuffix(" on start-bind 127.0.0.1:\(port))"))
            }
        }

        @Test("a connect grant gives no bind, and a bind grant names its port")
        func bindNeedsItsGrant() throws {
            let connectOnly = try NetFixture("sockets", grants: [NetFixture.sockets("tcp:connect 127.0.0.1:*")])
            #expect(try connectOnly.run(["serve", "9"]) == .returned(ok: false))
            #expect(connectOnly.output.stderrText == "sockets: start-bind: access-denied\n")
            let bind = try #require(connectOnly.calls(of: "[method]tcp-socket.start-bind").first)
            #expect(bind.decision.basis == "tcp:bind 127.0.0.1:9 not among tcp:connect 127.0.0.1:*")

            let otherPort = try NetFixture("sockets", grants: [NetFixture.sockets("tcp:bind 127.0.0.1:8")])
            #expect(try otherPort.run(["serve", "9"]) == .returned(ok: false))
            #expect(otherPort.output.stderrText == "sockets: start-bind: access-denied\n")
        }

        @Test("a name is looked up in the background: localhost resolves to loopback")
        func lookupOfAName() throws {
            let net = try NetFixture(grants: [GrantRequest("ip-name-lookup")])
            #expect(try net.run(["lookup", "localhost"]) == .returned(ok: true))
            let lines = net.output.stdoutText.split(separator: "\n")
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.hasPrefix("ipv4 127.") || $0 == "ipv6 0:0:0:0:0:0:0:1" })
        }
    }
}
