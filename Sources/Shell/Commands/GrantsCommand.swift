import Capabilities
import WasmRuntime

enum GrantsCommand: ShellCommand {
    static let name = "grants"
    static let usage = "grants [COMPONENT] | grants --suggest COMPONENT"
    static let summary = "show the effective policy; --suggest: the minimal grants covering what watch mode saw"
    static let example = "grants\ngrants trusted\ngrants --suggest trusted"

    static func run(_ arguments: String, in session: Session) throws {
        var words = try Words.split(arguments)
        if words.first == "--suggest" {
            words.removeFirst()
            guard words.count == 1 else { throw ShellError("usage: grants --suggest COMPONENT") }
            try suggest(for: try session.component(named: words[0]), in: session)
            return
        }
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

    static func suggest(for component: SessionComponent, in session: Session) throws {
        let gate = component.sandboxed.gate
        guard !gate.observations.isEmpty else {
            throw ShellError(
                "no host calls observed for \(component.name); run 'watch \(component.name)' and call it first")
        }
        let policy = component.sandboxed.policy
        for grant in GrantSuggestion.minimalGrants(for: gate.observations) {
            let name = policy.catalog.displayName(of: grant.interface)
            let write = grant.access.contains(.write) ? " --write" : ""
            let paths = grant.paths.map { " " + ($0.contains(" ") ? "\"\($0)\"" : $0) }.joined()
            session.print("grant \(component.name) \(name).\(grant.function)\(paths)\(write)")
        }
    }
}
