import ArgumentParser
import Shell

/// `wasmsh`: the shell by default, and the one-shot subcommands.
public struct WasmshCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wasmsh",
        abstract: "Inspect and sandbox WebAssembly components.",
        discussion: """
            Without a subcommand, runs the shell: interactive on a terminal, otherwise commands \
            from SCRIPT, -c 'cmd; cmd' or standard input. Shell options (see 'wasmsh help shell'): \
            [SCRIPT] [-c COMMANDS] [--echo] [--keep-going] [--no-color] [--audit-log FILE] [--root DIR].
              wasmsh                          interactive shell
              wasmsh < examples/flow.wsh      a script, no prompt; errors: 'Error: near line N: ...', exit 1
              wasmsh demo malicious           the original proof of concept
              wasmsh wit components/trusted.wasm
              wasmsh invoke components/values.wasm 'add(1, 2)'
              wasmsh run components/wasi/hello.wasm --grant stdout
            """,
        version: WasmshVersion.number,
        subcommands: [ShellCommand.self, RunCommand.self, InvokeCommand.self, WitCommand.self, DemoCommand.self],
        defaultSubcommand: ShellCommand.self
    )

    public init() {}
}
