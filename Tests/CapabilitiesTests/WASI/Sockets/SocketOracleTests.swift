import Capabilities
import Foundation
import Testing
import WASIOracleSupport

extension SocketSuites {
    /// `net.wasm` and `sockets.wasm` on wasmsh against what wasmtime did with them
    /// (`components/wasi/expected/cases/net-*.json`, `sockets-*.json`), byte for byte, over
    /// loopback.
    @Suite("the oracle's socket cases")
    struct SocketOracleTests {
        @Test("each socket case behaves as on wasmtime", arguments: SocketOracleCase.names("net-", "sockets-"))
        func matchesWasmtime(_ name: String) throws {
            let oracle = try SocketOracleCase.load(name)
            var peer: LoopbackPeer?
            var port: UInt16?
            switch (oracle.server?.protocol, oracle.server?.closed, oracle.server?.client) {
            case ("tcp", true?, _): port = try LoopbackPeer.closedPort()
            case ("tcp", _, let request?):
                let free = try LoopbackPeer.closedPort()
                port = free
                peer = LoopbackPeer.tcpClient(port: free, request: request)
            case ("tcp", _, _): peer = try LoopbackPeer.tcpEcho(prefix: oracle.server?.replyPrefix ?? "")
            case ("udp", _, _): peer = try LoopbackPeer.udpEcho(prefix: oracle.server?.replyPrefix ?? "")
            default: break
            }
            defer { peer?.stop() }
            let chosen = port ?? peer?.port
            let arguments = oracle.argv.dropFirst().map { argument in
                chosen.map { argument.replacingOccurrences(of: "{PORT}", with: String($0)) } ?? argument
            }
            var grants = oracle.grants.map(NetFixture.sockets)
            if oracle.network.ipNameLookup { grants.append(GrantRequest("ip-name-lookup")) }
            let fixture = try NetFixture(String(oracle.component.dropLast(5)), grants: grants)

            let outcome = try fixture.run(Array(arguments))

            #expect(fixture.output.stdoutText == oracle.expected.stdout)
            #expect(fixture.output.stderrText == oracle.expected.stderr)
            #expect(outcome.status == oracle.expected.status)
            #expect(outcome == .returned(ok: oracle.expected.outcome == "ok"))
            if let expected = oracle.expected.peerReceived {
                peer?.join()
                #expect(peer?.received == expected)
            }
        }
    }
}
