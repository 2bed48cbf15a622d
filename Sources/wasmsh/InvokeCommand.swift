import ArgumentParser
import Sandbox
import WasmComponent

struct InvokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Call one export and print its result in WAVE (as `wasmtime run --invoke` does).",
        discussion: """
            EXPR is NAME(ARGS) with ARGS in WAVE. NAME is a function name unique among the \
            exports, IFACE.NAME, or NS:PKG/IFACE#NAME. Example:
              wasmsh invoke components/values.wasm 'echo.echo-string("hi")'
            """)

    @Argument(help: "The component (.wasm).")
    var file: String

    @Argument(help: "The call, e.g. 'add(1, 2)'.")
    var expression: String

    func run() throws {
        try reportingErrors {
            let component = try LoadedComponent(
                bytes: try ComponentFile.read(file), name: ComponentFile.name(of: file),
                providedInterfaces: [], hostCall: { context, _ in
                    throw LoadError("import \(context.interface).\(context.function) is not provided by the host")
                })
            let call = try CallExpression(expression, in: component)
            let result = try component.call(call.export, call.arguments)
            if let text = CallExpression.format(result, of: call.export) { print(text) }
        }
    }
}
