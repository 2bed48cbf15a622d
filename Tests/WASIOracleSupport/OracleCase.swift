import Foundation

/// One case of `components/wasi/expected/cases/*.json` (see `components/wasi/oracle.py`): what
/// wasmtime-py 50.0.1 did with a component, its arguments, files and preopens. Shared by the
/// tests of the hosts (CapabilitiesTests) and of `wasmsh run` (ShellTests).
public struct OracleCase: Decodable, Sendable, CustomStringConvertible {
    public struct Entry: Decodable, Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let type: String
        public let text: String?
        public let target: String?

        public init(path: String, type: String, text: String?, target: String?) {
            self.path = path
            self.type = type
            self.text = text
            self.target = target
        }

        public var description: String {
            "\(path) (\(type)\(text.map { ": \($0.debugDescription)" } ?? "")\(target.map { " -> \($0)" } ?? ""))"
        }
    }

    public struct Preopen: Decodable, Sendable {
        public let host: String
        public let guest: String
        public let writable: Bool
    }

    public struct Expected: Decodable, Sendable {
        public let stdout: String
        public let stderr: String
        public let outcome: String
        public let exitCode: Int32?
        public let status: Int32
        public let files: [Entry]

        enum CodingKeys: String, CodingKey {
            case stdout, stderr, outcome, status, files
            case exitCode = "exit_code"
        }
    }

    public let name: String
    public let kind: String
    public let component: String
    public let argv: [String]
    public let env: [[String]]
    public let stdin: String?
    public let files: [Entry]
    public let preopens: [Preopen]
    public let expected: Expected

    public var description: String { name }

    static let folder = repositoryRoot.appendingPathComponent("components/wasi/expected/cases")

    public static func load(_ name: String) throws -> OracleCase {
        try JSONDecoder().decode(OracleCase.self, from: Data(contentsOf: folder.appendingPathComponent("\(name).json")))
    }

    /// The names of the cases whose name starts with `prefix`, sorted.
    public static func names(startingWith prefix: String) -> [String] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return all.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Every case, sorted by name.
    public static func all() -> [OracleCase] {
        names(startingWith: "").compactMap { try? load($0) }
    }
}
