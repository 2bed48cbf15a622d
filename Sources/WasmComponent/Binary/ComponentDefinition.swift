/// One definition of a component, in binary order. Definitions append to index spaces in the
/// order they appear, which is what makes the order meaningful.
public enum ComponentDefinition: Sendable {
    case coreModule(Range<Int>)
    case coreInstance(CoreInstanceDefinition)
    case coreType(CoreTypeDefinition)
    case component(ComponentBinary)
    case instance(InstanceDefinition)
    case alias(AliasDefinition)
    case type(TypeDefinition)
    case canon(CanonDefinition)
    case `import`(ImportDefinition)
    case export(ExportDefinition)
}

/// A parsed component: its definitions in order plus where each one started (for errors).
public struct ComponentBinary: Sendable {
    /// The whole file; core modules are byte ranges into it, parsed only when instantiated.
    public let bytes: [UInt8]
    public var definitions: [ComponentDefinition]
    public var offsets: [Int]
    /// Names from the `component-name` custom section, when present.
    public var name: String?
}

public enum CoreInstanceDefinition: Sendable {
    case instantiate(module: UInt32, arguments: [(name: String, instance: UInt32)])
    case exports([(name: String, item: CoreSortIndex)])
}

public enum InstanceDefinition: Sendable {
    case instantiate(component: UInt32, arguments: [(name: String, item: SortIndex)])
    case exports([(name: String, item: SortIndex)])
}

public struct AliasDefinition: Sendable {
    public enum Target: Sendable {
        case export(instance: UInt32, name: String)
        case coreExport(instance: UInt32, name: String)
        case outer(count: UInt32, index: UInt32)
    }
    public var sort: Sort
    public var target: Target
}

public enum CanonDefinition: Sendable {
    case lift(coreFunction: UInt32, options: [CanonOption], type: UInt32)
    case lower(function: UInt32, options: [CanonOption])
    case resourceNew(type: UInt32)
    case resourceDrop(type: UInt32)
    case resourceRep(type: UInt32)
}

public enum CanonOption: Sendable, Equatable {
    case utf8, utf16, latin1UTF16
    case memory(UInt32)
    case realloc(UInt32)
    case postReturn(UInt32)
}

public struct ImportDefinition: Sendable {
    public var name: String
    public var type: ExternTypeDescriptor
}

public struct ExportDefinition: Sendable {
    public var name: String
    public var item: SortIndex
    public var ascribedType: ExternTypeDescriptor?
}

/// `externtype` in the binary: what an import or export is, by type index.
public enum ExternTypeDescriptor: Sendable {
    case coreModule(type: UInt32)
    case function(type: UInt32)
    case value(ValueTypeReference)
    case type(TypeBound)
    case component(type: UInt32)
    case instance(type: UInt32)
}

public enum TypeBound: Sendable, Equatable {
    case equal(UInt32)
    case subResource
}

extension ComponentBinary: CustomStringConvertible {
    public var description: String {
        "component of \(bytes.count) bytes with \(definitions.count) definitions"
    }
}
