import Capabilities
import WasmComponent
import WasmRuntime

enum CallCommand: ShellCommand {
    static let name = "call"
    static let syntax = CommandSyntax([.argument(componentCall)], [.argument(handleCall)])
    static let componentCall = Argument("COMPONENT.FUNCTION(ARGS)", .call)
    static let handleCall = Argument("$HANDLE.METHOD(ARGS)", .call)
    static let summary = "call an export with WAVE arguments; prints the result in WAVE, audit lines first"
    static let example = "call malicious.run()\ncall values.echo.echo-u8(7)\ncall $cart.add-line(\"apple\", 2)"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        try session.present(try session.calls.call(arguments.callText))
    }
}

extension Session {
    func binding(_ name: String) throws(ShellError) -> Binding {
        guard let binding = bindings[name] else {
            let known = bindings.keys.sorted().map { "$" + $0 }
            throw ShellError(
                "no binding $\(name)"
                    + (known.isEmpty
                        ? "; make one with 'let NAME = call ...'" : " (bindings: \(known.joined(separator: ", ")))"))
        }
        guard components.contains(where: { $0.name == binding.component }) else {
            throw ShellError("$\(name) belongs to \(binding.component), which was unloaded")
        }
        return binding
    }

    /// The WAVE variable lookup for arguments of a call to `component`: handles only travel
    /// back to the component whose table holds them.
    func variables(for component: SessionComponent) -> WAVEParser.VariableLookup {
        // Looked up by name when the arguments name one: most calls name none.
        { [bindings, components] name in
            guard let binding = bindings[name], components.contains(where: { $0.name == binding.component }) else {
                return nil
            }
            if case .handle = binding.value, binding.component != component.name { return nil }
            return (binding.value, binding.type)
        }
    }
}
