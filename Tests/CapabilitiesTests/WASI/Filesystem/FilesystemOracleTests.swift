import Capabilities
import Testing

/// wasmsh against wasmtime-py 50.0.1 (`components/wasi/expected/cases/fs-*.json`): `fs.wasm` run
/// with the grants that mirror the oracle's preopens gives the same output, outcome, status and
/// files, byte for byte.
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

    /// Runs `oracleCase` on `component` in a fresh root with its files and grants.
    static func run(_ oracleCase: OracleCase, component: String) throws -> (Observed, ScratchRoot) {
        let root = try ScratchRoot(oracleCase.files)
        let fixture =
            component == "python-probe"
            ? try WASIFixture(
                bytes: try PythonProbe.bytes(), name: component, grants: oracleCase.grants, root: root.path)
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

    @Test(
        "every fs case: output, outcome, status and files as wasmtime's",
        arguments: OracleCase.names(startingWith: "fs-"))
    func fsCase(name: String) throws {
        let oracleCase = try OracleCase.load(name)
        let (observed, root) = try Self.run(oracleCase, component: "fs")
        let expected = oracleCase.expected
        #expect(
            observed
                == Observed(
                    stdout: expected.stdout, stderr: expected.stderr, outcome: expected.outcome, status: expected.status
                ))
        #expect(root.snapshot() == expected.files)
    }

    @Test(
        "every python-probe case: CPython's own use of the filesystem as under wasmtime",
        arguments: OracleCase.names(startingWith: "python-probe-"))
    func pythonProbeCase(name: String) throws {
        let oracleCase = try OracleCase.load(name)
        let (observed, root) = try Self.run(oracleCase, component: "python-probe")
        let expected = oracleCase.expected
        #expect(
            observed
                == Observed(
                    stdout: expected.stdout, stderr: expected.stderr, outcome: expected.outcome, status: expected.status
                ))
        #expect(root.snapshot() == expected.files)
    }

    @Test("there are 46 fs cases")
    func caseCount() {
        #expect(OracleCase.names(startingWith: "fs-").count == 46)
    }
}
