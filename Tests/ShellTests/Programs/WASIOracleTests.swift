import Foundation
import Testing

/// One case of `components/wasi/expected/cases/`: a WASI command as wasmtime-py 50.0.1 ran it,
/// with what it printed and how it ended.
struct OracleCase: Decodable, CustomStringConvertible {
    struct Expected: Decodable {
        let stdout: String
        let stderr: String
        let outcome: String
        let status: Int32
    }

    let name: String
    let component: String
    let argv: [String]
    let env: [[String]]
    let stdin: String?
    let preopens: [[String: String]]?
    let server: [String: String]?
    let expected: Expected

    var description: String { name }

    static let directory = repositoryRoot.appendingPathComponent("components/wasi/expected/cases")

    static func all() -> [OracleCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)) else { return nil }
            return try? JSONDecoder().decode(OracleCase.self, from: data)
        }
    }

    /// `wasmsh run` with the flags that give the guest what wasmtime gave it: standard output
    /// and error, the variables, standard input when there is one.
    var wasmshArguments: [String] {
        var arguments = ["run", "components/wasi/\(component)", "--quiet", "--grant", "stdout", "--grant", "stderr"]
        arguments += ["--argv0", argv.first ?? component]
        if stdin != nil { arguments += ["--grant", "stdin"] }
        for pair in env where pair.count == 2 { arguments += ["--env", "\(pair[0])=\(pair[1])"] }
        return arguments + ["--"] + argv.dropFirst()
    }
}

@Suite("WASI commands against the wasmtime oracle")
struct WASIOracleTests {
    /// The cases of the interfaces that need no files, network or Python.
    static let commandCases = OracleCase.all().filter {
        ["hello", "hello-0.2.0", "cat", "env", "exit", "exit-code", "random-clocks", "sleep"]
            .contains($0.component.replacingOccurrences(of: ".wasm", with: ""))
    }

    @Test("there are command cases to compare")
    func casesExist() {
        #expect(Self.commandCases.count >= 20)
    }

    @Test("wasmsh run prints what wasmtime prints and ends with its status", arguments: commandCases)
    func matchesOracle(_ oracle: OracleCase) throws {
        let (stdout, stderr, status) = try runWasmsh(oracle.wasmshArguments, standardInput: oracle.stdin)
        #expect(stdout == oracle.expected.stdout)
        if oracle.expected.outcome == "trap" {
            // wasmtime aborts (134); wasmsh reports the trap as an error, status 1.
            #expect(status == 1)
            #expect(stderr.hasPrefix(oracle.expected.stderr + "Error: trap: "))
        } else {
            #expect(stderr == oracle.expected.stderr)
            #expect(status == oracle.expected.status)
        }
    }
}
