import Capabilities
import WasmComponent
import WasmRuntime

enum ImportsCommand: ShellCommand {
    static let name = "imports"
    static let syntax = CommandSyntax([.argument(.component)])
    static let summary = "show what a component imports, with WIT signatures and grant status"
    static let example = "imports malicious"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let component = try session.component(named: arguments.component)
        let policy = component.sandboxed.policy
        let unprovided = Set(component.sandboxed.component.unprovidedImports.map(\.name))
        if component.world.imports.isEmpty { session.print("\(component.name) imports nothing") }
        for item in component.world.imports {
            switch item {
            case .interface(let interface):
                let status =
                    interface.functions.isEmpty
                    ? "types only (\(interface.types.count) type\(interface.types.count == 1 ? "" : "s"), nothing to grant)"
                    : interface.functions.contains { unprovided.contains("\(interface.name).\($0.name)") }
                        ? "NOT PROVIDED" : status(of: interface.name, in: policy, session: session)
                session.print(
                    interface.name.padding(toLength: max(30, interface.name.count + 2), withPad: " ", startingAt: 0)
                        + status)
                for function in interface.functions {
                    session.print("  \(function.name): \(WITPrinter.signature(of: function.type))")
                }
            case .function(let function):
                session.print("\(function.name): \(WITPrinter.signature(of: function.type))  NOT PROVIDED")
            case .type(let type):
                session.print("type \(type.name)")
            }
        }
    }

    static func status(of interface: String, in policy: Policy, session: Session) -> String {
        if let reason = policy.catalog.needsNoGrant(interface) {
            return session.style(.dim, reason == ImportCatalog.typesOnly ? reason : "no grant needed: \(reason)")
        }
        // The path functions of wasi:filesystem are decided by the directories granted.
        let holder = policy.catalog.grantHolder(of: interface)
        let grants = policy.grants.filter { $0.interface == holder }
        let denies = policy.denies.filter { $0.interface == holder }
        var parts: [String] = []
        if grants.isEmpty {
            parts.append(session.style(.denied, "DENIED"))
        } else {
            let scopes = grants.map { rule -> String in
                var text = rule.function.map { "\($0) " } ?? ""
                if let scope = rule.scope {
                    text += "\(scope.access) \(ControlCharacterEscaper.escaped(scope.key))"
                } else if let detail = rule.detail {
                    text += ControlCharacterEscaper.escaped(detail.description)
                } else {
                    text += "all"
                }
                return text
            }
            parts.append(session.style(.allowed, "GRANTED") + " (" + scopes.joined(separator: ", ") + ")")
        }
        if holder != interface { parts.append("by the directories granted as wasi:filesystem") }
        if !denies.isEmpty { parts.append("denies: " + denies.map { policy.describe($0) }.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
