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
        try checkTarget(file, force: arguments.has(forceFlag), in: session)
        try Manifest.save(policy, to: file, sha256: component.sandboxed.binaryDigest)
        session.savedManifests.insert(file)
        let count = policy.grants.count + policy.denies.count
        session.print("saved \(component.name)'s policy to \(file) (\(count) rule\(count == 1 ? "" : "s"))")
    }
}
