import Foundation

/// One `net-*` case of `components/wasi/expected/cases/` (the format is at the top of
/// `components/wasi/oracle.py`): what wasmtime did with `net.wasm`.
struct NetOracleCase: Decodable {
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

        enum CodingKeys: String, CodingKey {
            case `protocol`
            case replyPrefix = "reply_prefix"
            case closed
        }
    }

    struct Expected: Decodable {
        let stdout: String
        let stderr: String
        let outcome: String
        let status: Int32
    }

    let name: String
    let component: String
    let argv: [String]
    let network: Network
    let server: Server?
    let expected: Expected

    static let folder = repositoryRoot.appendingPathComponent("components/wasi/expected/cases")

    /// The names of the cases whose file name starts with `prefix`, sorted.
    static func names(_ prefix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func load(_ name: String) throws -> NetOracleCase {
        try JSONDecoder().decode(
            NetOracleCase.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json")))
    }

    /// wasmtime's switches as wasmsh grants, kept to loopback: TCP connects and binds, UDP
    /// binds and sends on 127.0.0.1 (any port), and name lookups.
    var grants: [String] {
        var grants: [String] = []
        if network.tcp { grants.append("tcp:connect 127.0.0.1:* tcp:bind 127.0.0.1:*") }
        if network.udp { grants.append("udp:bind 127.0.0.1:* udp:send 127.0.0.1:*") }
        return grants
    }
}
