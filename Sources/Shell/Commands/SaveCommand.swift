import Capabilities
import WasmRuntime

enum SaveCommand: ShellCommand {
    static let name = "save"
    static let syntax = CommandSyntax([
        .argument(.component), .optional([.argument(Argument("FILE", .path))]), .flag("--suggested"), .flag(forceFlag),
    ])
    static let summary =
        "write the policy as a manifest pinned to the binary (default manifests/NAME.toml); "
        + "--suggested adds watch mode's suggestions"
    static let example =
        "save trusted\nsave malicious /tmp/malicious.toml\nsave trusted --suggested\nsave trusted --force"

    static let forceFlag = "--force"

    /// A manifest is written over only when this session wrote it, or with --force; never over
    /// anything but a regular file (`save C /dev/null` run as root would replace the device).
    static func checkTarget(_ file: String, force: Bool, in session: Session) throws {
        var status = stat()
        guard lstat(file, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ShellError("\(file) is not a regular file; a manifest is written only to a regular file")
        }
        guard force || session.savedManifests.contains(file) else {
            throw ShellError(
                "\(file) exists and this session did not write it; 'save COMPONENT FILE' writes elsewhere, "
                    + "'\(forceFlag)' replaces it")
        }
    }

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let suggested = arguments.has("--suggested")
        let component = try session.component(named: arguments.component)
        let file = arguments["FILE"] ?? "\(session.settings.manifestsDirectory)/\(component.name).toml"
        var policy = component.sandboxed.policy
        var suggestions: [PolicyChange] = []
        if suggested {
            let observed = component.sandboxed.gate.observations
            guard !observed.isEmpty else {
                throw ShellError(
                    "no host calls observed for \(component.name); run 'watch \(component.name)' and call it first")
            }
            suggestions = try GrantSuggestion.apply(
                GrantSuggestion.minimalGrants(for: observed, beyond: policy), to: &policy)
        }
        try checkTarget(file, force: arguments.has(forceFlag), in: session)
        let outcome = try Manifest.save(policy, to: file, sha256: component.sandboxed.binaryDigest)
        session.savedManifests.insert(file)
        // The suggestions go to the file only: the session's policy stays what 'grants' shows.
        for change in suggestions {
            let notes = change.notes.isEmpty ? "" : " (" + change.notes.joined(separator: "; ") + ")"
            session.print("suggested: grant \(policy.describe(change.rule))\(notes)")
        }
        if suggested && suggestions.isEmpty {
            session.print("nothing to suggest: \(component.name)'s policy allows every host call watch mode saw")
        }
        let count = policy.grants.count + policy.denies.count
        var line = "saved \(component.name)'s policy"
        if !suggestions.isEmpty {
            line +=
                suggestions.count == 1 ? " and the suggested grant" : " and the \(suggestions.count) suggested grants"
        }
        switch outcome {
        case .written:
            line += " to \(file) (\(LoadCommand.count(count, "rule")))"
        case .extended(let added) where added == 0:
            line += " to \(file): the file says this already and is unchanged"
        case .extended(let added):
            line += " to \(file): \(LoadCommand.count(added, "rule")) added at its end, its comments kept"
        }
        session.print(line)
        if !suggestions.isEmpty {
            session.print(
                "  in the manifest only: this session's grants are unchanged ('grants \(component.name)'); "
                    + "loading the manifest applies them")
        }
    }
}
