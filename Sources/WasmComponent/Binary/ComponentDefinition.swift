/// One definition of a component, in binary order. Definitions append to index spaces in the
/// order they appear, which is what makes the order meaningful.
package enum ComponentDefinition: Sendable {
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
    package let bytes: [UInt8]
    package var definitions: [ComponentDefinition]
    package var offsets: [Int]
    /// Names from the `component-name` custom section, when present.
    package var name: String?

    /// The bytes of every core module the component embeds (nested components' too), in the
    /// order they are defined.
    public var coreModules: [ArraySlice<UInt8>] {
        definitions.compactMap { definition in
            if case .coreModule(let range) = definition { return bytes[range] }
            return nil
        }
    }
}

package enum CoreInstanceDefinition: Sendable {
    case instantiate(module: UInt32, arguments: [(name: String, instance: UInt32)])
    case exports([(name: String, item: CoreSortIndex)])
}

package enum InstanceDefinition: Sendable {
    case instantiate(component: UInt32, arguments: [(name: String, item: SortIndex)])
    case exports([(name: String, item: SortIndex)])
}

package struct AliasDefinition: Sendable {
    package enum Target: Sendable {
        case export(instance: UInt32, name: String)
        case coreExport(instance: UInt32, name: String)
        case outer(count: UInt32, index: UInt32)
    }
    package var sort: Sort
    package var target: Target
}

package enum CanonDefinition: Sendable {
    case lift(coreFunction: UInt32, options: [CanonOption], type: UInt32)
    case lower(function: UInt32, options: [CanonOption])
    case resourceNew(type: UInt32)
    case resourceDrop(type: UInt32)
    case resourceRep(type: UInt32)
}

package enum CanonOption: Sendable, Equatable {
    case utf8, utf16, latin1UTF16
    case memory(UInt32)
    case realloc(UInt32)
    case postReturn(UInt32)
}

package struct ImportDefinition: Sendable {
    package var name: String
    package var type: ExternTypeDescriptor
}

package struct ExportDefinition: Sendable {
    package var name: String
    package var item: SortIndex
    package var ascribedType: ExternTypeDescriptor?
}

/// `externtype` in the binary: what an import or export is, by type index.
package enum ExternTypeDescriptor: Sendable {
    case coreModule(type: UInt32)
    case function(type: UInt32)
    case value(ValueTypeReference)
    case type(TypeBound)
    case component(type: UInt32)
    case instance(type: UInt32)
}

package enum TypeBound: Sendable, Equatable {
    case equal(UInt32)
    case subResource
}

extension ComponentBinary: CustomStringConvertible {
    public var description: String {
        "component of \(bytes.count) bytes with \(definitions.count) definitions"
    }
}
