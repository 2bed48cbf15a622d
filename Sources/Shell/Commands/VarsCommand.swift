import WasmComponent

enum VarsCommand: ShellCommand {
    static let name = "vars"
    static let syntax = CommandSyntax([])
    static let summary = "list bindings with their WIT types"
    static let example = "vars"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if session.bindings.isEmpty { session.print("no bindings; make one with 'let NAME = call ...'") }
        for name in session.bindings.keys.sorted() {
            guard let binding = session.bindings[name] else { continue }
            let loaded = session.components.contains { $0.name == binding.component }
            session.printBinding(
                name, binding.value, as: binding.type,
                trailing: "  (\(binding.component)\(loaded ? "" : ", unloaded: unusable"))")
        }
    }
}
