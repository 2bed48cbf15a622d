import Capabilities
import WasmComponent
import WasmRuntime

/// One line of the imports pane: an imported interface (or a world-level imported function)
/// and its grant state.
struct InspectorImportRow: Equatable, Sendable {
    /// The full import name, as the policy resolves it: `sandbox:skill/filesystem`.
    var name: String
    /// What the pane shows: `filesystem`.
    var shortName: String
    var state: InspectorGrantState
    /// Explicit denies on the interface, described as `grants` does; they win over grants.
    var denies: [String]

    /// The rows for a component, in import order.
    static func rows(for component: SessionComponent) -> [InspectorImportRow] {
        let policy = component.sandboxed.policy
        let unprovided = Set(component.sandboxed.component.unprovidedImports.map(\.name))
        var rows: [InspectorImportRow] = []
        for item in component.world.imports {
            switch item {
            case .interface(let interface):
                let isProvided = !interface.functions.contains {
                    unprovided.contains("\(interface.name).\($0.name)")
                }
                let state: InspectorGrantState =
                    if interface.functions.isEmpty {
                        .typesOnly
                    } else if !isProvided {
                        .notProvided
                    } else if let reason = policy.catalog.needsNoGrant(interface.name) {
                        .noGrantNeeded(reason: reason)
                    } else {
                        Self.state(of: policy.catalog.grantHolder(of: interface.name), in: policy)
                    }
                rows.append(
                    InspectorImportRow(
                        name: interface.name, shortName: InterfaceName(interface.name).short, state: state,
                        denies: policy.denies.filter { $0.interface == interface.name }.map { policy.describe($0) }))
            case .function(let function):
                // The shell provides no world-level functions.
                rows.append(
                    InspectorImportRow(name: function.name, shortName: function.name, state: .notProvided, denies: []))
            case .type:
                continue
            }
        }
        return rows
    }

    /// GRANTED with the scopes in the wording of `imports`, or DENIED.
    static func state(of interface: String, in policy: Policy) -> InspectorGrantState {
        let grants = policy.grants.filter { $0.interface == interface }
        guard !grants.isEmpty else { return .denied }
        return .granted(
            scopes: grants.map { rule in
                let scope =
                    rule.scope.map { "\($0.access) \($0.path)" } ?? rule.detail.map { "\($0)" } ?? "all"
                return (rule.function.map { "\($0) " } ?? "") + ControlCharacterEscaper.escaped(scope)
            })
    }
}
