import ArgumentParser
import Shell

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the original proof of concept: `demo malicious` (denied) or `demo trusted` (allowed).",
        discussion: """
            Loads components/NAME.wasm with manifests/NAME.toml from the current directory (the \
            repository root) and calls its run() export.
            """)

    @Argument(help: "The component: malicious or trusted.")
    var name: String

    func run() throws {
        try reportingErrors {
            try SeedDemo.run(name, output: { StandardStreams().write($0) })
        }
    }
}
