import ArgumentParser
import Shell

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a WASI command's wasi:cli/run (as `wasmtime run` does, with nothing granted by default).",
        discussion: """
            The guest's output reaches wasmsh's stdout and stderr only when granted (--grant stdout, \
            --grant stderr, or --grant wasi:cli); its stdin is wasmsh's with --grant stdin, else closed. \
            Clocks and randomness are granted unless a manifest says otherwise. Each host call is \
            audited on stderr (stream operations summed up per run). Exit status: 0 when run returns \
            ok, 1 when it returns err or traps, N when the guest calls exit with N. Examples:
              wasmsh run components/wasi/hello.wasm --grant stdout --grant stderr
              wasmsh run app.wasm --grant wasi:cli --dir rw:./data::/data --env HOME -- --verbose input.txt
            """)

    @Argument(help: "The component (.wasm).")
    var file: String

    @OptionGroup var flags: ProgramFlags

    var program: RunProgram {
        var program = RunProgram(file: file)
        program.options = flags.options
        return program
    }

    func run() throws {
        var status: Int32 = 0
        try reportingErrors { status = try program.run(output: StandardStreams()) }
        if status != 0 { throw ExitCode(status) }
    }
}
