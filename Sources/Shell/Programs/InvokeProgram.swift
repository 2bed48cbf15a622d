import Capabilities
import WasmComponent
import WasmRuntime

/// `wasmsh invoke FILE 'EXPR'`: loads one component, makes one call, prints its result in WAVE
/// alone on standard output (as `wasmtime run --invoke` does); audit lines go to standard error.
public struct InvokeProgram {
    public var file: String
    public var expression: String
    /// `--grant CAP[=SCOPE,...]` flags, as typed.
    public var grants: [String] = []
    public var manifest: String?
    public var auditLog: String?
    public var root: String?

    public init(file: String, expression: String) {
        self.file = file
        self.expression = expression
    }

    public func run(output: any ShellOutput) throws {
        let audit = AuditLog(sinks: [LineAuditSink(emit: { output.writeError($0 + "\n") })])
        if let auditLog { audit.add(try JSONLinesAuditSink(path: auditLog)) }
        let environment = try SandboxEnvironment(root: root, audit: audit)
        let setup = PolicySetup(
            manifest: manifest.map { PolicySetup.ManifestFile(path: $0, expectedComponent: nil) },
            grants: try grants.map(GrantFlag.parse))
        let component = try SandboxedComponent(
            bytes: try ComponentFile.read(file), name: ComponentFile.name(of: file), environment: environment,
            policy: setup)
        let (export, result) = try component.call(expression)
        try audit.flush()
        if let text = CallExpression.format(result, of: export) { output.write(text + "\n") }
    }
}
