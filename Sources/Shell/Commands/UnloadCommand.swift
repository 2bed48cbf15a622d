enum UnloadCommand: ShellCommand {
    static let name = "unload"
    static let usage = "unload COMPONENT"
    static let summary = "drop a loaded component (its bindings become unusable)"
    static let example = "unload malicious"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        let component = try session.component(named: words[0])
        session.components.removeAll { $0 === component }
        let orphaned = session.bindings.filter { $0.value.component == component.name }.keys.sorted()
        session.print(
            "unloaded \(component.name)"
                + (orphaned.isEmpty
                    ? "" : "; bindings now unusable: " + orphaned.map { "$" + $0 }.joined(separator: ", ")))
    }
}
