/// Something a component instance exports or an instantiation argument supplies.
package enum ComponentItem {
    case function(FunctionType, FunctionHandle)
    case instance(InstanceValue)
    case type(TypeEntry)
    case component(ComponentDefinitionEntry)
    case coreModule(CoreModuleHandle)

    var kind: String { externType.kind }

    package var externType: ExternType {
        switch self {
        case .function(let type, _): return .function(type)
        case .instance(let instance): return .instance(instance.type)
        case .type(let entry): return .type(entry)
        case .component: return .component(ComponentType(imports: [], exports: []))
        case .coreModule: return .coreModule
        }
    }
}

/// A component instance: exports in order.
package struct InstanceValue {
    package let exports: [(name: String, item: ComponentItem)]
    /// Made once, with the instance: exporting it, charging its use to the budget, the world
    /// and every instance that exports it in turn ask for it (made on each request, it was 4% of
    /// a load).
    package let type: InstanceType

    package init(exports: [(name: String, item: ComponentItem)]) {
        self.exports = exports
        type = InstanceType(exports: exports.map { ($0.name, $0.item.externType) })
    }

    package func export(named name: String) -> ComponentItem? {
        exports.first(where: { $0.name == name })?.item
    }
}

/// A nested component definition together with the scope it was defined in (for outer aliases).
///
/// The scope is held weakly: the scope holds its definitions, and a strong reference back would
/// leak every scope with a nested component, with all it instantiated (stores, memories). The
/// walk's `InstantiationBudget` keeps scopes alive until the top-level instantiation ends.
package struct ComponentDefinitionEntry {
    let binary: ComponentBinary
    weak var scope: ComponentScope?
}
