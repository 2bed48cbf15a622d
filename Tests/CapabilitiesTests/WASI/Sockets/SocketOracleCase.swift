import Foundation
import WASIOracleSupport

/// One `net-*` or `sockets-*` case of `components/wasi/expected/cases/` (the format is at the
/// top of `components/wasi/oracle.py`): what wasmtime did with `net.wasm` or `sockets.wasm`.
struct SocketOracleCase: Decodable {
    struct Network: Decodable {
        let tcp: Bool
        let udp: Bool
        let ipNameLookup: Bool

        enum CodingKeys: String, CodingKey {
            case tcp, udp
            case ipNameLookup = "ip_name_lookup"
        }
    }

    struct Server: Decodable {
        let `protocol`: String
        let replyPrefix: String?
        let closed: Bool?
        /// The request of a client that connects to the guest.
        let client: String?

        enum CodingKeys: String, CodingKey {
            case `protocol`
            case replyPrefix = "reply_prefix"
            case closed, client
        }
    }

    struct Expected: Decodable {
        let stdout: String
        let stderr: String
        let outcome: String
        let status: Int32
        /// What the client received from the guest.
        let peerReceived: String?

        enum CodingKeys: String, CodingKey {
            case stdout, stderr, outcome, status
            case peerReceived = "peer_received"
        }
    }

    let name: String
    let component: String
    let argv: [String]
    let network: Network
    let server: Server?
    let expected: Expected

    static let folder = repositoryRoot.appendingPathComponent("components/wasi/expected/cases")

    /// The names of the cases whose file name starts with one of `prefixes`, sorted.
    static func names(_ prefixes: String...) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { file in file.hasSuffix(".json") && prefixes.contains { file.hasPrefix($0) } }
            .map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> SocketOracleCase {
        try JSONDecoder().decode(
            SocketOracleCase.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json")))
    }

    /// wasmtime's switches as wasmsh grants: its `-S inherit-network,tcp,udp` allows every
    /// address, and so do these (the cases reach loopback only); a lookup grant for
    /// `allow-ip-name-lookup`.
    var grants: [String] {
        var grants: [String] = []
        if network.tcp { grants.append("tcp:connect *:* tcp:bind *:*") }
        if network.udp { grants.append("udp:bind *:* udp:send *:*") }
        return grants
    }
}
