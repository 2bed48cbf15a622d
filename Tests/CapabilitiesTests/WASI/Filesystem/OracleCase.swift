import Capabilities
import Foundation

/// One case of `components/wasi/expected/cases/*.json` (see `components/wasi/oracle.py`): what
/// wasmtime-py 50.0.1 did with a component, its arguments, files and preopens.
struct OracleCase: Decodable, Sendable {
    struct Entry: Decodable, Equatable, Sendable, CustomStringConvertible {
        let path: String
        let type: String
        let text: String?
        let target: String?

        var description: String {
            "\(path) (\(type)\(text.map { ": \($0.debugDescription)" } ?? "")\(target.map { " -> \($0)" } ?? ""))"
        }
    }

    struct Preopen: Decodable, Sendable {
        let host: String
        let guest: String
        let writable: Bool
    }

    struct Expected: Decodable, Sendable {
        let stdout: String
        let stderr: String
        let outcome: String
        let exitCode: Int32?
        let status: Int32
        let files: [Entry]

        enum CodingKeys: String, CodingKey {
            case stdout, stderr, outcome, status, files
            case exitCode = "exit_code"
        }
    }

    let name: String
    let kind: String
    let component: String
    let argv: [String]
    let env: [[String]]
    let stdin: String?
    let files: [Entry]
    let preopens: [Preopen]
    let expected: Expected

    static let folder = repositoryRoot.appendingPathComponent("components/wasi/expected/cases")

    static func load(_ name: String) throws -> OracleCase {
        try JSONDecoder().decode(OracleCase.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json")))
    }

    /// The names of the cases whose name starts with `prefix`, sorted.
    static func names(startingWith prefix: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return all.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The grants that mirror the case's preopens (`--dir [rw:]HOST::GUEST`), its environment,
    /// and its standard output and error.
    var grants: [GrantRequest] {
        var grants = [GrantRequest("stdout"), GrantRequest("stderr")]
        for preopen in preopens {
            grants.append(
                GrantRequest(
                    "wasi:filesystem", scopes: ["\(preopen.host)::\(preopen.guest)"],
                    access: preopen.writable ? .readWrite : .read))
        }
        if !env.isEmpty {
            grants.append(GrantRequest("environment", scopes: env.map { $0.joined(separator: "=") }))
        }
        return grants
    }
}
