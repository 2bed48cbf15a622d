import Capabilities
import WasmRuntime

enum ReloadCommand: ShellCommand {
    static let name = "reload"
    static let usage = "reload COMPONENT [--debug | --no-debug]"
    static let summary =
        "instantiate a component afresh (after a trap or an interrupt), keeping its name, policy and debug mode"
    static let example = "reload compute\nreload malicious --debug"

    static func run(_ arguments: String, in session: Session) throws {
        var words = try Words.split(arguments)
        guard let first = words.first else { throw ShellError("usage: \(usage)") }
        let old = try session.component(named: first)
        var debuggable = old.sandboxed.component.isDebuggable
        if words.count == 2, words[1] == LoadCommand.debugFlag || words[1] == LoadCommand.noDebugFlag {
            debuggable = words.removeLast() == LoadCommand.debugFlag
        }
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        let policy = old.sandboxed.policy
        let fresh = try SandboxedComponent(
            bytes: try ComponentFile.read(old.path), name: old.name, environment: session.environment,
            debuggable: debuggable, configure: { $0 = policy })
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
        if debuggable { session.print("  " + LoadCommand.debugNote(fresh.component)) }
    }
}
