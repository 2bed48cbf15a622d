import ArgumentParser
import Shell

struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Call one export and print its result in WAVE (as `wasmtime run --invoke` does).",
        discussion: """
            EXPR is NAME(ARGS) with ARGS in WAVE. NAME is a function name unique among the \
            exports, IFACE.NAME, or NS:PKG/IFACE#NAME. The component may call nothing the host \
            provides unless granted (--grant, --manifest); each host call is audited on stderr. \
            Examples:
              wasmsh invoke components/values.wasm 'echo.echo-string("hi")'
              wasmsh invoke components/malicious.wasm 'run()' --grant filesystem=/etc/passwd
            """)

    @Argument(help: "The component (.wasm).")
    var file: String

    @Argument(help: "The call, e.g. 'add(1, 2)'.")
    var expression: String

    @Option(
        name: .customLong("grant"),
        help: ArgumentHelp(
            "Allow an imported interface: CAP, CAP.FUNC, or CAP=PATH[,PATH...] for a scoped read grant (repeatable).",
            valueName: "CAP[=SCOPE]"))
    var grants: [String] = []

    @Option(help: "Apply this permission manifest (TOML) first.")
    var manifest: String?

    @Option(help: "Append every host call's audit records to this JSONL file.")
    var auditLog: String?

    @Option(help: "Resolve the component's relative paths against this directory (default: the working directory).")
    var root: String?

    /// What the flags ask for.
    var program: InvokeProgram {
        var program = InvokeProgram(file: file, expression: expression)
        program.grants = grants
        program.manifest = manifest
        program.auditLog = auditLog
        program.root = root
        return program
    }

    func run() throws {
        try reportingErrors { try program.run(output: StandardStreams()) }
    }
}
