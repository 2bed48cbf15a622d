enum DropCommand: ShellCommand {
    static let name = "drop"
    static let syntax = CommandSyntax([.argument(Argument("$NAME", .binding))])
    static let summary = "drop a resource handle (running the resource's destructor) or forget a binding"
    static let example = "drop $cart"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        guard let word = arguments["$NAME"], word.hasPrefix("$") else { throw ShellError("usage: \(usage)") }
        let name = String(word.dropFirst())
        let binding = try session.binding(name)
        if case .handle(let handle) = binding.value {
            guard handle.isOwned else {
                throw ShellError("$\(name) is a borrowed handle; only owned handles can be dropped")
            }
            try session.component(named: binding.component).sandboxed.component.drop(handle)
            session.bindings[name] = nil
            session.print("dropped $\(name) (\(handle))")
        } else {
            session.bindings[name] = nil
            session.print("forgot $\(name)")
        }
    }
}
