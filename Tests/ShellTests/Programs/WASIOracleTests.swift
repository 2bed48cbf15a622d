import Foundation
import Testing
import WASIOracleSupport

extension OracleCase {
    /// `wasmsh run` with the flags that give the guest what wasmtime gave it: standard output
    /// and error, the variables, standard input when there is one.
    var wasmshArguments: [String] {
        var arguments = ["run", "components/wasi/\(component)", "--quiet", "--grant", "stdout", "--grant", "stderr"]
        arguments += ["--argv0", argv.first ?? component]
        if stdin != nil { arguments += ["--grant", "stdin"] }
        for pair in env where pair.count == 2 { arguments += ["--env", "\(pair[0])=\(pair[1])"] }
        return arguments + ["--"] + argv.dropFirst()
    }

    /// The same with its preopens as `--dir [rw:]HOST::GUEST`, their host folders under `root`.
    func wasmshArguments(root: ScratchRoot) -> [String] {
        let dirs = preopens.flatMap { preopen in
            ["--dir", (preopen.writable ? "rw:" : "") + "\(root.path)/\(preopen.host)::\(preopen.guest)"]
        }
        let arguments = wasmshArguments
        guard let dashes = arguments.firstIndex(of: "--") else { return arguments + dirs }
        return Array(arguments[..<dashes]) + dirs + arguments[dashes...]
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

    /// Filesystem cases whose preopens `--dir` gives: every fifth one of fs.wasm and fs-meta.wasm
    /// (the hosts' own tests run all of them; these check the command line's way there).
    static let filesystemCases = OracleCase.all().filter { $0.component.hasPrefix("fs") }.enumerated()
        .filter { $0.offset % 5 == 0 }.map(\.element)

    @Test("wasmsh run --dir gives a guest the files wasmtime --dir gives it", arguments: filesystemCases)
    func filesystemMatchesOracle(_ oracle: OracleCase) throws {
        let root = try ScratchRoot(oracle.files)
        let (stdout, stderr, status) = try runWasmsh(oracle.wasmshArguments(root: root))
        #expect(stdout == oracle.expected.stdout)
        #expect(stderr == oracle.expected.stderr)
        #expect(status == oracle.expected.status)
        #expect(root.snapshot() == oracle.expected.files)
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
