enum UnloadCommand: ShellCommand {
    static let name = "unload"
    static let syntax = CommandSyntax([.argument(.component)])
    static let summary = "drop a loaded component (its bindings become unusable)"
    static let example = "unload malicious"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let component = try session.component(named: arguments.component)
        session.components.removeAll { $0 === component }
        // The last result goes with its component; named bindings stay, marked unusable.
        if session.bindings["_"]?.component == component.name { session.bindings["_"] = nil }
        let orphaned = session.bindings.filter { $0.value.component == component.name }.keys.sorted()
        session.print(
            "unloaded \(component.name)"
                + (orphaned.isEmpty
                    ? "" : "; bindings now unusable: " + orphaned.map { "$" + $0 }.joined(separator: ", ")))
    }
}
