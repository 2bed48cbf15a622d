import Capabilities
import Foundation
import Testing

extension SocketSuites {
    /// `net.wasm` on wasmsh against what wasmtime did with it (`components/wasi/expected/cases/
    /// net-*.json`), byte for byte, over loopback.
    @Suite("the oracle's net cases")
    struct NetOracleTests {
        @Test("net.wasm behaves as on wasmtime", arguments: NetOracleCase.names("net-"))
        func matchesWasmtime(_ name: String) throws {
            let oracle = try NetOracleCase.load(name)
            var peer: LoopbackPeer?
            var port: UInt16?
            switch (oracle.server?.protocol, oracle.server?.closed) {
            case ("tcp", true?): port = try LoopbackPeer.closedPort()
            case ("tcp", _): peer = try LoopbackPeer.tcpEcho(prefix: oracle.server?.replyPrefix ?? "")
            case ("udp", _): peer = try LoopbackPeer.udpEcho(prefix: oracle.server?.replyPrefix ?? "")
            default: break
            }
            defer { peer?.stop() }
            let chosen = peer?.port ?? port
            let arguments = oracle.argv.dropFirst().map { argument in
                chosen.map { argument.replacingOccurrences(of: "{PORT}", with: String($0)) } ?? argument
            }
            var grants = oracle.grants.map(NetFixture.sockets)
            if oracle.network.ipNameLookup { grants.append(GrantRequest("ip-name-lookup")) }
            let net = try NetFixture(grants: grants)

            let outcome = try net.run(Array(arguments))

            #expect(net.output.stdoutText == oracle.expected.stdout)
            #expect(net.output.stderrText == oracle.expected.stderr)
            #expect(outcome.status == oracle.expected.status)
            #expect(outcome == .returned(ok: oracle.expected.outcome == "ok"))
        }
    }
}
