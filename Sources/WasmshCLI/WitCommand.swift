import ArgumentParser
import Shell

struct WitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wit",
        abstract: "Print a component's world as WIT (as `wasm-tools component wit` does).")

    @Argument(help: "The component (.wasm).")
    var file: String

    func run() throws {
        try reportingErrors { StandardStreams().write(try WitProgram.text(of: file)) }
    }
}
