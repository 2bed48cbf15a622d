import Capabilities
import WasmRuntime

enum SaveCommand: ShellCommand {
    static let name = "save"
    static let syntax = CommandSyntax([
        .argument(.component), .optional([.argument(Argument("FILE", .path))]), .flag("--suggested"),
    ])
    static let summary =
        "write the policy as a manifest (default manifests/NAME.toml); --suggested adds watch mode's suggestions"
    static let example = "save trusted\nsave malicious /tmp/malicious.toml\nsave trusted --suggested"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let suggested = arguments.has("--suggested")
        let component = try session.component(named: arguments.component)
        let file = arguments["FILE"] ?? "\(session.settings.manifestsDirectory)/\(component.name).toml"
        var policy = component.sandboxed.policy
        if suggested {
            let observed = component.sandboxed.gate.observations
            guard !observed.isEmpty else {
                throw ShellError(
                    "no host calls observed for \(component.name); run 'watch \(component.name)' and call it first")
            }
            for change in try GrantSuggestion.apply(GrantSuggestion.minimalGrants(for: observed), to: &policy) {
                session.print("suggested: \(change.description)")
            }
        }
        try Manifest.save(policy, to: file)
        let count = policy.grants.count + policy.denies.count
        session.print("saved \(component.name)'s policy to \(file) (\(count) rule\(count == 1 ? "" : "s"))")
    }
}
