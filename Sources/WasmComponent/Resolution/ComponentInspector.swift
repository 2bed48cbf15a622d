/// Reads what a component imports and exports without running anything: the backend behind
/// `wit`, `imports` and `exports`, and the first step of every load.
public enum ComponentInspector {
    public static func world(of binary: ComponentBinary) throws -> ComponentWorld {
        var backend = TypesOnly()
        let scope = try ComponentScope.instantiate(binary, backend: &backend)
        return world(imports: scope.imports, exports: scope.exports.map { ($0.name, $0.item.externType) })
    }

    package static func world(
        imports: [(name: String, type: ExternType)], exports: [(name: String, type: ExternType)]
    ) -> ComponentWorld {
        ComponentWorld(imports: imports.map(worldItem), exports: exports.map(worldItem))
    }

    static func worldItem(_ named: (name: String, type: ExternType)) -> WorldItem {
        switch named.type {
        case .function(let type):
            return .function(NamedFunction(name: named.name, type: type))
        case .type(let entry):
            return .type(namedType(named.name, entry, in: nil))
        case .instance(let instance):
            var types: [NamedType] = []
            var functions: [NamedFunction] = []
            for (name, type) in instance.exports {
                switch type {
                case .function(let functionType): functions.append(NamedFunction(name: name, type: functionType))
                case .type(let entry): types.append(namedType(name, entry, in: named.name))
                default: break  // nested instances and components have no WIT form
                }
            }
            return .interface(InterfaceDescription(name: named.name, types: types, functions: functions))
        case .component, .coreModule:
            return .interface(InterfaceDescription(name: named.name, types: [], functions: []))
        }
    }

    static func namedType(_ name: String, _ entry: TypeEntry, in interface: String?) -> NamedType {
        if let origin = entry.origin, origin.interface != interface {
            return NamedType(name: name, definition: .use(interface: origin.interface, name: origin.name))
        }
        switch entry.type {
        case .resource(let resource): return NamedType(name: name, definition: .resource(resource))
        case .value(let type): return NamedType(name: name, definition: .value(type))
        default: return NamedType(name: name, definition: .value(.tuple([])))
        }
    }
}

/// The backend of inspection: every core and runtime item is nothing at all, and every handle
/// to one the same.
struct TypesOnly: InstantiationBackend {
    func coreModule(bytes: ArraySlice<UInt8>, offset: Int) throws -> CoreModuleHandle { .init(0) }
    func instantiate(module: CoreModuleHandle, arguments: [(name: String, instance: CoreInstanceHandle)], offset: Int)
        throws -> CoreInstanceHandle
    { .init(0) }
    func coreInstance(exports: [(name: String, sort: CoreSort, item: CoreItemHandle)]) throws -> CoreInstanceHandle {
        .init(0)
    }
    func coreExport(of instance: CoreInstanceHandle, name: String, sort: CoreSort, offset: Int) throws
        -> CoreItemHandle
    { .init(0) }
    func lift(_ core: CoreItemHandle, type: FunctionType, options: ResolvedCanonOptions, offset: Int) throws
        -> FunctionHandle
    { .init(0) }
    func lower(_ function: FunctionHandle, type: FunctionType, options: ResolvedCanonOptions, offset: Int) throws
        -> CoreItemHandle
    { .init(0) }
    func defineResource(_ resource: ResourceType, destructor: CoreItemHandle?, offset: Int) throws {}
    func resourceNew(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle { .init(0) }
    func resourceDrop(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle { .init(0) }
    func resourceRep(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle { .init(0) }
    func importedFunction(interface: String?, name: String, type: FunctionType) throws -> FunctionHandle { .init(0) }
}
