import Sandbox

enum ReloadCommand: ShellCommand {
    static let name = "reload"
    static let usage = "reload COMPONENT"
    static let summary = "instantiate a component afresh (after a trap or an interrupt), keeping its name and policy"
    static let example = "reload compute"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        let old = try session.component(named: words[0])
        let policy = old.sandboxed.policy
        let fresh = try SandboxedComponent(
            bytes: try ComponentFile.read(old.path), name: old.name, environment: session.environment,
            configure: { $0 = policy })
        let replacement = SessionComponent(
            name: old.name, path: old.path, sandboxed: fresh, manifestPath: old.manifestPath)
        session.replace(old, with: replacement)
        // Handles lived in the old instance's tables: they mean nothing in the new one.
        let stale = session.bindings.filter { name, binding in
            if binding.component == old.name, case .handle = binding.value { return true }
            return false
        }.keys.sorted()
        for name in stale { session.bindings[name] = nil }
        session.print(
            "reloaded \(old.name) (\(old.path)) with its policy"
                + (stale.isEmpty ? "" : "; dropped stale handles: " + stale.map { "$" + $0 }.joined(separator: ", ")))
    }
}
