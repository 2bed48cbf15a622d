import ArgumentParser
import Capabilities
import WasmRuntime
import WasmComponent

struct WitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wit",
        abstract: "Print a component's world as WIT (as `wasm-tools component wit` does).")

    @Argument(help: "The component (.wasm).")
    var file: String

    func run() throws {
        try reportingErrors {
            let binary = try ComponentParser.parse(try ComponentFile.read(file))
            print(WITPrinter.print(try ComponentInspector.world(of: binary)), terminator: "")
        }
    }
}
