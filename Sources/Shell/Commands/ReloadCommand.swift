import Capabilities
import WasmRuntime

enum ReloadCommand: ShellCommand {
    static let name = "reload"
    static let syntax = CommandSyntax([
        .argument(.component), .flags([LoadCommand.debugFlag, LoadCommand.noDebugFlag]),
    ])
    static let summary =
        "instantiate a component afresh (after a trap or an interrupt), keeping its name, policy and debug mode"
    static let example = "reload compute\nreload malicious --debug"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let old = try session.component(named: arguments.component)
        var debuggable: Bool?
        if arguments.has(LoadCommand.debugFlag) { debuggable = true }
        if arguments.has(LoadCommand.noDebugFlag) { debuggable = false }
        for line in try reload(old, debuggable: debuggable, in: session) { session.print(line) }
    }

    /// Replaces `old` with a fresh instance of the same file under the same name and policy
    /// (`debuggable` nil: as it was); returns what to tell the user.
    static func reload(_ old: SessionComponent, debuggable: Bool?, in session: Session) throws -> [String] {
        let debuggable = debuggable ?? old.sandboxed.component.isDebuggable
        let policy = old.sandboxed.policy
        let fresh = try SandboxedComponent(
            bytes: try ComponentFile.read(old.path), name: old.name, environment: session.environment,
            debuggable: debuggable, policy: PolicySetup(startingPolicy: policy))
        let replacement = SessionComponent(
            name: old.name, path: old.path, sandboxed: fresh, manifestPath: old.manifestPath)
        session.replace(old, with: replacement)
        // Handles lived in the old instance's tables: they mean nothing in the new one.
        let stale = session.bindings.filter { name, binding in
            if binding.component == old.name, case .handle = binding.value { return true }
            return false
        }.keys.sorted()
        for name in stale { session.bindings[name] = nil }
        var lines = [
            "reloaded \(old.name) (\(old.path)) with its policy"
                + (stale.isEmpty ? "" : "; dropped stale handles: " + stale.map { "$" + $0 }.joined(separator: ", "))
        ]
        if debuggable { lines += LoadCommand.debugLines(fresh.component).map { "  " + $0 } }
        return lines
    }
}
