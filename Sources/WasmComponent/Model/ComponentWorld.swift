/// What a component imports and exports, as WIT sees it: the data model behind `imports`,
/// `exports`, `wit` and the WIT printer.
public struct ComponentWorld: Sendable {
    public var imports: [WorldItem]
    public var exports: [WorldItem]
    public init(imports: [WorldItem], exports: [WorldItem]) {
        self.imports = imports
        self.exports = exports
    }
}

/// One import or export of a world.
public enum WorldItem: Sendable {
    /// An instance: `import sandbox:skill/filesystem;` (name is the full `ns:pkg/iface@ver`) or an
    /// inline interface `import foo: interface { ... }` (name is a plain kebab name).
    case interface(InterfaceDescription)
    /// A freestanding function: `export add: func(a: u32, b: u32) -> u32;`
    case function(NamedFunction)
    /// A freestanding type: `import point: record { ... }` / resources at world level.
    case type(NamedType)

    public var name: String {
        switch self {
        case .interface(let i): return i.name
        case .function(let f): return f.name
        case .type(let t): return t.name
        }
    }
}

public struct InterfaceDescription: Sendable {
    /// `ns:pkg/iface@1.0.0` for a package interface, or a plain name for an inline one.
    public var name: String
    public var types: [NamedType]
    public var functions: [NamedFunction]
    public init(name: String, types: [NamedType], functions: [NamedFunction]) {
        self.name = name
        self.types = types
        self.functions = functions
    }
}

public struct NamedType: Sendable {
    public enum Definition: Sendable {
        /// A type defined here; nominal types (record, variant, enum, flags) carry `name`.
        case value(ValueType)
        case resource(ResourceType)
        /// `use other-iface.{name}`: the same type as one exported by another interface.
        case use(interface: String, name: String)
    }
    public var name: String
    public var definition: Definition
    public init(name: String, definition: Definition) {
        self.name = name
        self.definition = definition
    }
}

/// A function; resource members keep the component-model naming: `[constructor]cart`,
/// `[method]cart.add-line`, `[static]cart.open`.
public struct NamedFunction: Sendable {
    public var name: String
    public var type: FunctionType
    public init(name: String, type: FunctionType) {
        self.name = name
        self.type = type
    }
}
