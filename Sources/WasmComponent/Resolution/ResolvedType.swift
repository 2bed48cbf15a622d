/// An entry of a type index space once indices are resolved.
package enum ResolvedType: Sendable {
    case value(ValueType)
    case function(FunctionType)
    case instance(InstanceType)
    case component(ComponentType)
    case resource(ResourceType)
    /// A core type; the component layer never needs its shape.
    case core
}

/// Where a named type was first exported, so that WIT can print `use iface.{name}`.
package struct TypeOrigin: Sendable, Equatable {
    package var interface: String
    package var name: String
}

package struct TypeEntry: Sendable {
    package var type: ResolvedType
    package var origin: TypeOrigin?
    /// The size and depth of a value type (a leaf for other kinds), checked when it was defined.
    var complexity: TypeComplexity
    init(_ type: ResolvedType, origin: TypeOrigin? = nil, complexity: TypeComplexity = .leaf) {
        self.type = type
        self.origin = origin
        self.complexity = complexity
    }
}

/// What an import or export is, with its types resolved.
package indirect enum ExternType: Sendable {
    case function(FunctionType)
    case instance(InstanceType)
    case type(TypeEntry)
    case component(ComponentType)
    case coreModule

    var kind: String {
        switch self {
        case .function: return "func"
        case .instance: return "instance"
        case .type: return "type"
        case .component: return "component"
        case .coreModule: return "core module"
        }
    }
}

/// The type of an instance: its exports in order.
package struct InstanceType: Sendable {
    package var exports: [(name: String, type: ExternType)]
    package init(exports: [(name: String, type: ExternType)]) { self.exports = exports }
    package func export(named name: String) -> ExternType? {
        exports.first(where: { $0.name == name })?.type
    }
}

/// The type of a component: its imports and exports in order.
package struct ComponentType: Sendable {
    package var imports: [(name: String, type: ExternType)]
    package var exports: [(name: String, type: ExternType)]
}
