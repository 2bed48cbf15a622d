/// The index spaces of one component instance while its definitions are walked in order.
///
/// The same walk serves inspection (a backend that makes nothing) and instantiation (a
/// backend over the engine), so what `wit` shows and what `call` runs cannot disagree.
package final class ComponentScope {
    let parent: ComponentScope?
    let typeScope: TypeScope
    let binary: ComponentBinary
    /// Instantiation arguments for a nested component; nil for the top-level component.
    let arguments: [String: ComponentItem]?
    /// Shared by every instance of one top-level instantiation.
    let budget: InstantiationBudget
    /// How many instantiations this one is nested in (0 for the top-level component).
    let depth: Int

    var functions: [(type: FunctionType, function: FunctionHandle)] = []
    var instances: [InstanceValue] = []
    var components: [ComponentDefinitionEntry] = []
    var coreModules: [CoreModuleHandle] = []
    var coreInstances: [CoreInstanceHandle] = []
    var coreFunctions: [CoreItemHandle] = []
    var coreTables: [CoreItemHandle] = []
    var coreMemories: [CoreItemHandle] = []
    var coreGlobals: [CoreItemHandle] = []
    /// Names under which top-level instances were imported or exported, for `use` origins.
    var instanceNames: [Int: String] = [:]
    /// Export positions by name of instances that were aliased from, built on first use: a
    /// linear search per alias would make n aliases of an n-export instance quadratic.
    private var exportPositions: [Int: [String: Int]] = [:]
    var importNames: Set<String> = []
    var exportNames: Set<String> = []

    package internal(set) var imports: [(name: String, type: ExternType)] = []
    package internal(set) var exports: [(name: String, item: ComponentItem)] = []

    init(
        binary: ComponentBinary, parent: ComponentScope?, arguments: [String: ComponentItem]?,
        budget: InstantiationBudget, depth: Int
    ) {
        self.binary = binary
        self.parent = parent
        self.typeScope = TypeScope(parent: parent?.typeScope)
        self.arguments = arguments
        self.budget = budget
        self.depth = depth
        budget.liveScopes.append(self)
    }

    /// Walks a top-level component: imports come from the backend.
    package static func instantiate(_ binary: ComponentBinary, backend: inout some InstantiationBackend) throws
        -> ComponentScope
    {
        let budget = InstantiationBudget()
        // Releases the nested scopes once the walk is over, whether it failed or not.
        defer { budget.liveScopes.removeAll() }
        let scope = ComponentScope(binary: binary, parent: nil, arguments: nil, budget: budget, depth: 0)
        try scope.run(&backend)
        return scope
    }

    package var exportedInstance: InstanceValue { InstanceValue(exports: exports) }

    func run(_ backend: inout some InstantiationBackend) throws {
        for (position, definition) in binary.definitions.enumerated() {
            let offset = binary.offsets[position]
            switch definition {
            case .coreModule(let range):
                coreModules.append(try backend.coreModule(bytes: binary.bytes[range], offset: offset))
            case .coreInstance(let instance):
                try defineCoreInstance(instance, &backend, offset: offset)
            case .coreType:
                typeScope.coreTypeCount += 1
            case .component(let nested):
                components.append(ComponentDefinitionEntry(binary: nested, scope: self))
            case .instance(let instance):
                try defineInstance(instance, &backend, offset: offset)
            case .alias(let alias):
                try defineAlias(alias, &backend, offset: offset)
            case .type(let definition):
                try defineType(definition, &backend, offset: offset)
            case .canon(let canon):
                try defineCanon(canon, &backend, offset: offset)
            case .import(let definition):
                try defineImport(definition, &backend, offset: offset)
            case .export(let definition):
                try defineExport(definition, offset: offset)
            }
        }
    }

    // MARK: Core definitions

    private func coreInstance(_ index: UInt32, offset: Int) throws(ComponentError) -> CoreInstanceHandle {
        guard Int(index) < coreInstances.count else {
            throw ComponentError(
                "core instance index \(index) out of bounds (\(coreInstances.count) defined)", offset: offset)
        }
        return coreInstances[Int(index)]
    }

    func coreItem(_ sort: CoreSort, _ index: UInt32, offset: Int) throws(ComponentError) -> CoreItemHandle {
        let space: [CoreItemHandle]
        switch sort {
        case .function: space = coreFunctions
        case .table: space = coreTables
        case .memory: space = coreMemories
        case .global: space = coreGlobals
        default: throw ComponentError("core \(sort) cannot be exported from a core instance", offset: offset)
        }
        guard Int(index) < space.count else {
            throw ComponentError("core \(sort) index \(index) out of bounds (\(space.count) defined)", offset: offset)
        }
        return space[Int(index)]
    }

    func appendCore(_ sort: CoreSort, _ item: CoreItemHandle, offset: Int) throws(ComponentError) {
        switch sort {
        case .function: coreFunctions.append(item)
        case .table: coreTables.append(item)
        case .memory: coreMemories.append(item)
        case .global: coreGlobals.append(item)
        default: throw ComponentError("core \(sort) items cannot be aliased from a core instance", offset: offset)
        }
    }

    private func defineCoreInstance(
        _ instance: CoreInstanceDefinition, _ backend: inout some InstantiationBackend, offset: Int
    ) throws {
        switch instance {
        case .instantiate(let moduleIndex, let arguments):
            guard Int(moduleIndex) < coreModules.count else {
                throw ComponentError(
                    "core module index \(moduleIndex) out of bounds (\(coreModules.count) defined)", offset: offset)
            }
            try budget.chargeCoreModuleInstance(offset: offset)
            var resolved: [(name: String, instance: CoreInstanceHandle)] = []
            for argument in arguments {
                resolved.append((argument.name, try coreInstance(argument.instance, offset: offset)))
            }
            coreInstances.append(
                try backend.instantiate(module: coreModules[Int(moduleIndex)], arguments: resolved, offset: offset))
        case .exports(let exports):
            var items: [(name: String, sort: CoreSort, item: CoreItemHandle)] = []
            for export in exports {
                items.append(
                    (export.name, export.item.sort, try coreItem(export.item.sort, export.item.index, offset: offset)))
            }
            coreInstances.append(try backend.coreInstance(exports: items))
        }
    }

    // MARK: Component definitions

    func item(_ sortIndex: SortIndex, offset: Int) throws(ComponentError) -> ComponentItem {
        let index = Int(sortIndex.index)
        func bounds(_ count: Int, _ what: String) throws(ComponentError) {
            guard index < count else {
                throw ComponentError("\(what) index \(index) out of bounds (\(count) defined)", offset: offset)
            }
        }
        switch sortIndex.sort {
        case .function:
            try bounds(functions.count, "func")
            return .function(functions[index].type, functions[index].function)
        case .instance:
            try bounds(instances.count, "instance")
            return .instance(instances[index])
        case .type:
            return .type(try typeScope.entry(sortIndex.index, offset: offset))
        case .component:
            try bounds(components.count, "component")
            return .component(components[index])
        case .core(.module):
            try bounds(coreModules.count, "core module")
            return .coreModule(coreModules[index])
        case .value:
            throw ComponentError("component values are not supported", offset: offset)
        case .core(let sort):
            throw ComponentError("core \(sort) cannot be used as a component item", offset: offset)
        }
    }

    func append(_ item: ComponentItem, offset: Int) {
        switch item {
        case .function(let type, let function): functions.append((type, function))
        case .instance(let instance): instances.append(instance)
        case .type(let entry): typeScope.types.append(entry)
        case .component(let component): components.append(component)
        case .coreModule(let module): coreModules.append(module)
        }
    }

    private func defineInstance(_ instance: InstanceDefinition, _ backend: inout some InstantiationBackend, offset: Int)
        throws
    {
        switch instance {
        case .instantiate(let componentIndex, let arguments):
            guard Int(componentIndex) < components.count else {
                throw ComponentError(
                    "component index \(componentIndex) out of bounds (\(components.count) defined)", offset: offset)
            }
            let component = components[Int(componentIndex)]
            guard let definingScope = component.scope else {
                throw ComponentError("component \(componentIndex) can no longer be instantiated", offset: offset)
            }
            var resolved = [String: ComponentItem](minimumCapacity: arguments.count)
            for argument in arguments {
                guard resolved.updateValue(try item(argument.item, offset: offset), forKey: argument.name) == nil else {
                    throw ComponentError("duplicate instantiation argument '\(argument.name)'", offset: offset)
                }
            }
            try budget.chargeComponentInstance(
                definitions: component.binary.definitions.count, depth: depth + 1, offset: offset)
            let child = ComponentScope(
                binary: component.binary, parent: definingScope, arguments: resolved, budget: budget, depth: depth + 1)
            try child.run(&backend)
            instances.append(child.exportedInstance)
        case .exports(let exports):
            var items: [(name: String, item: ComponentItem)] = []
            var names: Set<String> = []
            for export in exports {
                guard names.insert(export.name).inserted else {
                    throw ComponentError("duplicate export name '\(export.name)'", offset: offset)
                }
                items.append((export.name, try item(export.item, offset: offset)))
            }
            instances.append(InstanceValue(exports: items))
        }
    }

    private func export(ofInstance index: Int, named name: String) -> ComponentItem? {
        let exports = instances[index].exports
        if exportPositions[index] == nil {
            var positions: [String: Int] = [:]
            for (position, export) in exports.enumerated() where positions[export.name] == nil {
                positions[export.name] = position
            }
            exportPositions[index] = positions
        }
        return exportPositions[index]?[name].map { exports[$0].item }
    }

    private func defineAlias(_ alias: AliasDefinition, _ backend: inout some InstantiationBackend, offset: Int) throws {
        switch alias.target {
        case .export(let instanceIndex, let name):
            guard Int(instanceIndex) < instances.count else {
                throw ComponentError(
                    "instance index \(instanceIndex) out of bounds (\(instances.count) defined)", offset: offset)
            }
            guard var exported = export(ofInstance: Int(instanceIndex), named: name) else {
                throw ComponentError("instance \(instanceIndex) has no export named '\(name)'", offset: offset)
            }
            guard exported.matches(alias.sort) else {
                throw ComponentError(
                    "export '\(name)' of instance \(instanceIndex) is a \(exported.kind), not a \(alias.sort)",
                    offset: offset)
            }
            // A type taken out of a named instance is used from that instance, as wasm-tools
            // prints it, even when the instance only passes on another's (`use
            // wasi:io/streams.{error}`, where streams itself uses wasi:io/error's).
            if case .type(var entry) = exported, let interface = instanceNames[Int(instanceIndex)] {
                entry.origin = TypeOrigin(interface: interface, name: name)
                exported = .type(entry)
            }
            append(exported, offset: offset)
        case .coreExport(let instanceIndex, let name):
            guard case .core(let sort) = alias.sort else {
                throw ComponentError("core export aliases must name a core sort", offset: offset)
            }
            let instance = try coreInstance(instanceIndex, offset: offset)
            if sort == .module || sort == .instance || sort == .type {
                throw ComponentError("core \(sort) cannot be aliased from a core instance export", offset: offset)
            }
            try appendCore(
                sort, try backend.coreExport(of: instance, name: name, sort: sort, offset: offset), offset: offset)
        case .outer(let count, let index):
            var scope: ComponentScope = self
            for _ in 0..<count {
                guard let next = scope.parent else {
                    throw ComponentError(
                        "outer alias count \(count) reaches past the outermost component", offset: offset)
                }
                scope = next
            }
            switch alias.sort {
            case .type: typeScope.types.append(try scope.typeScope.entry(index, offset: offset))
            case .component, .core(.module):
                append(try scope.item(SortIndex(sort: alias.sort, index: index), offset: offset), offset: offset)
            case .core(.type): typeScope.coreTypeCount += 1
            default:
                throw ComponentError(
                    "outer aliases may only name types, modules and components, not \(alias.sort)", offset: offset)
            }
        }
    }
}

extension ComponentItem {
    func matches(_ sort: Sort) -> Bool {
        switch (self, sort) {
        case (.function, .function), (.instance, .instance), (.type, .type), (.component, .component),
            (.coreModule, .core(.module)):
            return true
        default: return false
        }
    }
}
