import Sandbox

enum GrantsCommand: ShellCommand {
    static let name = "grants"
    static let usage = "grants [COMPONENT]"
    static let summary = "show the effective policy of one or every loaded component"
    static let example = "grants\ngrants trusted"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count <= 1 else { throw ShellError("usage: \(usage)") }
        let components = try words.first.map { [try session.component(named: $0)] } ?? session.components
        if components.isEmpty { session.print("no components loaded") }
        for component in components {
            let policy = component.sandboxed.policy
            if policy.grants.isEmpty && policy.denies.isEmpty {
                session.print("\(component.name): nothing granted (deny by default)")
                continue
            }
            session.print("\(component.name):")
            for rule in policy.grants { session.print("  grant \(policy.describe(rule))") }
            for rule in policy.denies { session.print("  deny  \(policy.describe(rule))") }
        }
    }
}
