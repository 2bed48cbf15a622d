import ArgumentParser
import Shell

struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Call one export and print its result in WAVE (as `wasmtime run --invoke` does).",
        discussion: """
            EXPR is NAME(ARGS) with ARGS in WAVE. NAME is a function name unique among the \
            exports, IFACE.NAME, or NS:PKG/IFACE#NAME. The component may call nothing the host \
            provides unless granted (--grant, --env, --dir, --manifest); each host call is audited \
            on stderr. The result is the last line on stdout, after what the guest printed there. \
            Exit status: 0, or the guest's own when it exits. Examples:
              wasmsh invoke components/values.wasm 'echo.echo-string("hi")'
              wasmsh invoke components/malicious.wasm 'run()' --grant filesystem=/etc/passwd
            """)

    @Argument(help: "The component (.wasm).")
    var file: String

    @Argument(help: "The call, e.g. 'add(1, 2)'.")
    var expression: String

    @OptionGroup var flags: ProgramFlags

    /// What the flags ask for.
    var program: InvokeProgram {
        var program = InvokeProgram(file: file, expression: expression)
        program.options = flags.options
        return program
    }

    func run() throws {
        var status: Int32 = 0
        try reportingErrors { status = try program.run(output: StandardStreams()) }
        if status != 0 { throw ExitCode(status) }
    }
}
