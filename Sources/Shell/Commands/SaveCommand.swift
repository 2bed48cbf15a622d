import Sandbox

enum SaveCommand: ShellCommand {
    static let name = "save"
    static let usage = "save COMPONENT [FILE]"
    static let summary = "write the component's policy as a manifest (default manifests/NAME.toml)"
    static let example = "save trusted\nsave malicious /tmp/malicious.toml"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 || words.count == 2 else { throw ShellError("usage: \(usage)") }
        let component = try session.component(named: words[0])
        let file = words.count == 2 ? words[1] : "\(session.settings.manifestsDirectory)/\(component.name).toml"
        try Manifest.save(component.sandboxed.policy, to: file)
        let count = component.sandboxed.policy.grants.count + component.sandboxed.policy.denies.count
        session.print("saved \(component.name)'s policy to \(file) (\(count) rule\(count == 1 ? "" : "s"))")
    }
}
