import WasmComponent

/// Finds the export a user named: `run` when unique, `skill.run`, `sandbox:skill/skill#run`
/// (with or without `@version`), or a resource function by its full name `[method]cart.count`.
public enum ExportResolver {
    public static func resolve(
        _ target: String, in exports: [ExportedFunction], component: String? = nil
    ) throws(ExportLookupError) -> ExportedFunction {
        var candidates: [ExportedFunction]
        if let hash = target.firstIndex(of: "#") {
            let interface = InterfaceName(String(target[..<hash]))
            let name = String(target[target.index(after: hash)...])
            candidates = exports.filter { export in
                guard let exported = export.interface, export.name == name else { return false }
                let exportedName = InterfaceName(exported)
                return interface.full == exportedName.full || interface.full == exportedName.unversioned
            }
        } else {
            candidates = exports.filter { $0.name == target || $0.qualifiedName == target }
            if candidates.isEmpty, let dot = target.firstIndex(of: "."), !target.hasPrefix("[") {
                // `iface.func` with a full interface name: `sandbox:skill/skill.run`.
                let interface = InterfaceName(String(target[..<dot]))
                let name = String(target[target.index(after: dot)...])
                candidates = exports.filter { export in
                    guard let exported = export.interface, export.name == name else { return false }
                    let exportedName = InterfaceName(exported)
                    return [exportedName.full, exportedName.unversioned, exportedName.short].contains(interface.full)
                }
            }
        }
        if candidates.count == 1 { return candidates[0] }
        let all = exports.map(\.qualifiedName)
        if candidates.isEmpty {
            throw ExportLookupError(
                target: target, problem: .notFound(closest: Suggestions.closest(to: target, among: all)), exports: all,
                component: component)
        }
        throw ExportLookupError(
            target: target, problem: .ambiguous(candidates: candidates.map(\.qualifiedName)), exports: all,
            component: component)
    }
}
