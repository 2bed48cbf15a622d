import Capabilities
import WasmComponent
import WasmRuntime

/// What `wasmsh run` and `wasmsh invoke` are told on the command line about the component they
/// load: its grants (`--grant`, `--env`, `--dir`), manifest, audit log and root, and the
/// arguments its guest sees, as `wasmtime run` users expect.
public struct ProgramOptions: Sendable {
    /// `--grant CAP[=SCOPE,...]`, as typed.
    public var grants: [String] = []
    /// `--env NAME[=VALUE]`: a grant of that variable, if the component reads its environment.
    public var environment: [String] = []
    /// `--dir [rw:]HOST[::GUEST]`: a directory given to the guest, read-only unless `rw:`.
    public var directories: [String] = []
    /// The guest's argv[0] (default: the file as given).
    public var argv0: String?
    /// argv[1...]: what follows `--`.
    public var arguments: [String] = []
    public var manifest: String?
    public var auditLog: String?
    public var root: String?
    /// `--quiet`: no audit lines or notes on standard error, only errors (the audit log, when
    /// asked for, still gets every record).
    public var quiet = false

    public init() {}

    /// The grants the flags ask for, in order: `--grant` ones must name what the component
    /// imports; `--env` and `--dir` ones apply only if it does (as in `wasmtime run`).
    func grantRequests() throws -> [GrantRequest] {
        var requests = try grants.map(GrantFlag.parse)
        for variable in environment {
            guard let name = variable.split(separator: "=", maxSplits: 1).first, !name.isEmpty else {
                throw ShellError("--env needs NAME or NAME=VALUE, not '\(variable)'")
            }
            requests.append(GrantRequest("wasi:cli/environment", scopes: [variable], isOptional: true))
        }
        for directory in directories {
            let readWrite = directory.hasPrefix("rw:")
            let scope = readWrite ? String(directory.dropFirst(3)) : directory
            guard !scope.isEmpty else { throw ShellError("--dir needs a directory, as --dir [rw:]HOST[::GUEST]") }
            requests.append(
                GrantRequest(
                    "wasi:filesystem", scopes: [scope], access: readWrite ? .readWrite : .read, isOptional: true))
        }
        return requests
    }

    /// Loads `file` with these options: audit lines (stream operations summed up) and notes on
    /// `output`'s standard error, the guest's granted output straight to `output`.
    func load(_ file: String, output: any ShellOutput) throws -> LoadedProgram {
        let lines = LineAuditSink(summarizingTraffic: true, emit: { output.writeError($0 + "\n") })
        let audit = AuditLog(sinks: quiet ? [] : [lines])
        if let auditLog { audit.add(try JSONLinesAuditSink(path: auditLog)) }
        let sandbox = try SandboxEnvironment(root: root, audit: audit)
        sandbox.guestOutput = { _ in PassedOnGuestOutput(output) }
        let setup = PolicySetup(
            manifest: manifest.map { PolicySetup.ManifestFile(path: $0, expectedComponent: nil) },
            grants: try grantRequests())
        let component = try SandboxedComponent(
            bytes: try ComponentFile.read(file), name: ComponentFile.name(of: file), environment: sandbox,
            policy: setup)
        let readsEnvironment = !component.skippedGrants.contains { $0.capability == "wasi:cli/environment" }
        for variable in environment where readsEnvironment && !variable.contains("=") && getenv(variable) == nil {
            output.writeError("wasmsh: --env \(variable): wasmsh's own environment has no \(variable); none passed\n")
        }
        for skipped in component.skippedGrants {
            let flag = skipped.capability == "wasi:filesystem" ? "--dir" : "--env"
            output.writeError(
                "wasmsh: \(flag) \(skipped.scopes.joined(separator: ",")): \(component.name) imports no "
                    + "\(skipped.capability); ignored\n")
        }
        component.gate.state.arguments = [argv0 ?? file] + arguments
        return LoadedProgram(component: component, audit: audit, auditLines: lines)
    }
}

/// A component `wasmsh run` or `invoke` loaded, with its audit.
struct LoadedProgram {
    let component: SandboxedComponent
    let audit: AuditLog
    let auditLines: LineAuditSink

    /// The call ended: the summary of its stream operations, and every record written.
    func finish() throws {
        component.gate.state.output.flush()
        auditLines.flushTraffic()
        try audit.flush()
    }
}
