import ArgumentParser

@main
struct Wasmsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasmsh",
        abstract: "Inspect and sandbox WebAssembly components.",
        version: "0.1.0",
        subcommands: [ShellCommand.self, WitCommand.self, InvokeCommand.self, DemoCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}
