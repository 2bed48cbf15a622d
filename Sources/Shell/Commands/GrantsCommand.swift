import Capabilities
import WasmRuntime

enum GrantsCommand: ShellCommand {
    static let name = "grants"
    static let syntax = CommandSyntax(
        [.optional([.argument(.component)])], [.word(suggestWord), .argument(.component)])
    static let suggestWord = "--suggest"
    static let summary = "show the effective policy; --suggest: the minimal grants covering what watch mode saw"
    static let example = "grants\ngrants trusted\ngrants --suggest trusted"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if arguments.has(suggestWord) {
            try suggest(for: try session.component(named: arguments.component), in: session)
            return
        }
        let components = try arguments["COMPONENT"].map { [try session.component(named: $0)] } ?? session.components
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
        let grants = GrantSuggestion.minimalGrants(for: gate.observations, beyond: policy)
        if grants.isEmpty {
            session.print(
                "nothing to add: \(component.name)'s policy allows every host call watch mode saw "
                    + "(\(LoadCommand.count(gate.observations.count, "call")))")
        }
        for grant in grants {
            let name = policy.catalog.displayName(of: grant.interface) + (grant.function.map { ".\($0)" } ?? "")
            guard !grant.needsNames else {
                // The directories a guest wants, or the variables it reads, are not in its calls.
                let (what, words) = grant.namesDirectories ? ("wasi:filesystem", "DIR[::GUEST]...") : (name, "NAME...")
                session.print(
                    "# \(what): which entries it uses cannot be seen; name them: grant \(component.name) \(what) \(words)"
                )
                continue
            }
            let write = grant.access.contains(.write) ? " --write" : ""
            let scopes = grant.scopes.map { " " + ShellWord.quoted($0) }.joined()
            session.print("grant \(component.name) \(name)\(scopes)\(write)")
        }
    }
}
