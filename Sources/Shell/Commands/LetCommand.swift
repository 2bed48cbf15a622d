import WasmComponent

enum LetCommand: ShellCommand {
    static let name = "let"
    static let usage = "let NAME = call COMPONENT.FUNCTION(ARGS)"
    static let summary = "call and keep the result (any value or resource handle) as $NAME"
    static let example = "let cart = call shop.[constructor]cart(\"ann\")\ncall $cart.count()"

    static func run(_ arguments: String, in session: Session) throws {
        guard let equals = arguments.firstIndex(of: "=") else { throw ShellError("usage: \(usage)") }
        var name = arguments[..<equals].trimmingWhitespace()
        if name.hasPrefix("$") { name.removeFirst() }
        guard ComponentName.isValid(name) else {
            throw ShellError("'\(name)' cannot name a binding: use letters, digits, '-' and '_'")
        }
        let (word, call) = arguments[arguments.index(after: equals)...].trimmingWhitespace().splitFirstWord()
        guard (try? CommandTable.find(word)) == CallCommand.self else {
            throw ShellError("usage: \(usage)")
        }
        let outcome = try session.calls.call(call)
        guard let result = outcome.result, let type = outcome.export.type.result else {
            throw ShellError("\(outcome.export.qualifiedName) returns nothing to bind")
        }
        if let previous = session.bindings[name], case .handle = previous.value {
            session.print("note: $\(name) held \(previous.value.handleDescription); it is no longer reachable by name")
        }
        session.bindings[name] = Binding(value: result, type: type, component: outcome.component.name)
        session.print("$\(name): \(WITPrinter.typeName(type)) = \(WAVEFormatter.format(result, as: type))")
    }
}

extension ComponentValue {
    var handleDescription: String {
        if case .handle(let handle) = self { return handle.description }
        return "a value"
    }
}
