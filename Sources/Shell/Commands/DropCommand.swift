enum DropCommand: ShellCommand {
    static let name = "drop"
    static let usage = "drop $NAME"
    static let summary = "drop a resource handle (running the resource's destructor) or forget a binding"
    static let example = "drop $cart"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1, words[0].hasPrefix("$") else { throw ShellError("usage: \(usage)") }
        let name = String(words[0].dropFirst())
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
