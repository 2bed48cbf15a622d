enum ComponentsCommand: ShellCommand {
    static let name = "components"
    static let syntax = CommandSyntax([])
    static let summary = "list loaded components with their grants"
    static let example = "components"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        guard !session.components.isEmpty else {
            session.print("no components loaded; try 'load trusted'")
            return
        }
        let width = session.components.map(\.name.count).max() ?? 0
        for component in session.components {
            let policy = component.sandboxed.policy
            let grants = policy.grants.map { policy.describe($0) } + policy.denies.map { "deny " + policy.describe($0) }
            let name = component.name.padding(toLength: width, withPad: " ", startingAt: 0)
            session.print(
                "\(name)  \(component.path)  grants: \(grants.isEmpty ? "none" : grants.joined(separator: ", "))"
                    + (component.sandboxed.component.isDebuggable ? "  (debug)" : ""))
            // A poisoned instance refuses every call: say so where the components are listed.
            if let poisoned = component.sandboxed.component.poisoned {
                session.print(
                    "\(String(repeating: " ", count: width))  "
                        + session.style(.error, "unusable:")
                        + " \(poisoned); 'reload \(component.name)' to start afresh")
            }
        }
    }
}
