import Capabilities
import Foundation
import Testing
import WASIOracleSupport

/// wasmsh against wasmtime-py 50.0.1 (`components/wasi/expected/cases/fs-*.json`): `fs.wasm` and
/// `fs-meta.wasm` run with the grants that mirror the oracle's preopens give the same output,
/// outcome, status and files, byte for byte.
@Suite("WASI filesystem: the oracle's cases")
struct FilesystemOracleTests {
    /// What a run gave, in the oracle's terms.
    struct Observed: Equatable, CustomStringConvertible {
        let stdout: String
        let stderr: String
        let outcome: String
        let status: Int32

        var description: String {
            "\(outcome) (\(status)), stdout \(stdout.debugDescription), stderr \(stderr.debugDescription)"
        }
    }

    /// Runs `oracleCase` on its component in a fresh root with its files and grants.
    static func run(_ oracleCase: OracleCase) throws -> (Observed, ScratchRoot) {
        let component = String(oracleCase.component.dropLast(".wasm".count))
        let root = try ScratchRoot(oracleCase.files)
        let fixture =
            component == "python-probe"
            ? try WASIFixture(
                bytes: try PackedFixture.bytes("python-probe"), name: component, grants: oracleCase.grants,
                root: root.path)
            : try WASIFixture(component, grants: oracleCase.grants, root: root.path)
        let outcome: String
        let status: Int32
        do {
            switch try fixture.run(Array(oracleCase.argv.dropFirst())) {
            case .returned(let ok): (outcome, status) = (ok ? "ok" : "err", ok ? 0 : 1)
            case .exited(let code): (outcome, status) = ("exit", code)
            }
        } catch {
            (outcome, status) = ("trap", 134)
        }
        let observed = Observed(
            stdout: fixture.output.stdoutText, stderr: fixture.output.stderrText, outcome: outcome, status: status)
        return (observed, root)
    }

    /// The cases of `fs.wasm` (`fs-*`) and of `fs-meta.wasm` (`fs-meta-*`, the descriptor's
    /// metadata functions).
    static let filesystemCases = OracleCase.names(startingWith: "fs-")

    @Test(
        "every fs and fs-meta case: output, outcome, status and files as wasmtime's",
        arguments: filesystemCases)
    func fsCase(name: String) throws {
        try Self.expectOracle(name)
    }

    /// The python-probe cases that use the filesystem. Each loads the 18 MB component (about a
    /// second in a debug build; they run side by side).
    static let pythonFilesystemCases = [
        "python-probe-listdir", "python-probe-read", "python-probe-read-missing", "python-probe-read-escape",
        "python-probe-read-symlink-out", "python-probe-write-read-only", "python-probe-write",
        "python-probe-passwd-no-preopen", "python-probe-passwd-data-preopen", "python-probe-passwd-fake-root",
        "python-probe-all",
    ]

    @Test(
        "python-probe: CPython's own use of the filesystem, as under wasmtime",
        arguments: pythonFilesystemCases)
    func pythonProbeCase(name: String) throws {
        try Self.expectOracle(name)
    }

    /// Runs the case `name` and expects what wasmtime printed, returned and left in the files.
    static func expectOracle(_ name: String) throws {
        let oracleCase = try OracleCase.load(name)
        let (observed, root) = try run(oracleCase)
        let expected = oracleCase.expected
        #expect(
            observed
                == Observed(
                    stdout: expected.stdout, stderr: expected.stderr, outcome: expected.outcome, status: expected.status
                ))
        #expect(root.snapshot() == expected.files)
    }

    @Test("there are 46 fs cases and 41 fs-meta cases, each run on its own component")
    func caseCount() throws {
        let meta = OracleCase.names(startingWith: "fs-meta-")
        #expect(meta.count == 41)
        #expect(Self.filesystemCases.count - meta.count == 46)
        for name in Self.filesystemCases {
            let component = try OracleCase.load(name).component
            #expect(component == (name.hasPrefix("fs-meta-") ? "fs-meta.wasm" : "fs.wasm"), "\(name)")
        }
    }
}
