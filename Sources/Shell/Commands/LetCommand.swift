import WasmComponent

enum LetCommand: ShellCommand {
    static let name = "let"
    static let syntax = CommandSyntax([
        .argument(Argument("NAME", .newName)), .word("="), .word(CallCommand.name),
        .argument(CallCommand.componentCall),
    ])
    static let summary = "call and keep the result (any value or resource handle) as $NAME"
    static let example = "load resources\nlet cart = call resources.[constructor]cart(\"ann\")\ncall $cart.count()"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        var name = arguments["NAME"] ?? ""
        if name.hasPrefix("$") { name.removeFirst() }
        // A letter first, as in WIT: `$1x` would read as a number gone wrong.
        guard ComponentName.isValid(name), name.first?.isLetter == true else {
            throw ShellError("'\(name)' cannot name a binding: start with a letter, then letters, digits, '-' and '_'")
        }
        let outcome = try session.calls.call(arguments.callText)
        guard let result = outcome.result, let type = outcome.export.type.result else {
            throw ShellError("\(outcome.export.qualifiedName) returns nothing to bind")
        }
        if let previous = session.bindings[name], case .handle = previous.value {
            session.print("note: $\(name) held \(previous.value.handleDescription); it is no longer reachable by name")
        }
        session.bindings[name] = Binding(value: result, type: type, component: outcome.component.name)
        session.printBinding(name, result, as: type)
    }
}

extension ComponentValue {
    var handleDescription: String {
        if case .handle(let handle) = self { return handle.description }
        return "a value"
    }
}
