import WasmComponent
import WasmKit

/// Instantiates a component's core modules and canonical functions on WasmKit.
struct WasmKitBackend: InstantiationBackend {
    let runtime: ComponentRuntime
    /// What the walk's handles stand for, each at the handle's index. A core module is being
    /// prepared (rewritten and parsed) on a worker thread.
    private var coreModules: [PendingCoreModule] = []
    private var coreInstances: [CoreInstanceValue] = []
    private var coreItems: [ExternalValue] = []
    private var functions: [ComponentFunction] = []

    init(runtime: ComponentRuntime) { self.runtime = runtime }

    /// The function a handle the walk gave back stands for.
    func function(_ handle: FunctionHandle) -> ComponentFunction { functions[handle.index] }

    /// Keeps `item` in `table` and makes the walk's handle to it.
    private static func keep<Item, Role>(_ item: Item, in table: inout [Item]) -> BackendHandle<Role> {
        table.append(item)
        return BackendHandle(table.count - 1)
    }

    var store: Store { runtime.store }

    mutating func coreModule(bytes: ArraySlice<UInt8>, offset: Int) throws -> CoreModuleHandle {
        // Every loop header and function entry gets an interrupt check, so Ctrl-C and the time
        // budget can stop a runaway guest. A module we cannot rewrite still runs, unstoppable,
        // and the load says so.
        let number = runtime.coreModuleCount
        runtime.coreModuleCount += 1
        let module: PendingCoreModule
        if runtime.tracer != nil {
            // Loaded for debugging: export every function as `wasmsh:func:<module>:<index>`, and
            // plant the stepper's probes (see `DebugModuleLoader`); here, on the walk's thread.
            let prepared = PendingCoreModule.prepare(bytes) { (bytes) throws(InstrumentationError) in
                let (instrumented, debugModule) = try DebugModuleLoader.instrument(
                    bytes, number: number, functionExportPrefix: "\(Self.functionExportNamespace)\(number):")
                runtime.debugModules[number] = debugModule
                return (instrumented, nil)
            }
            module = PendingCoreModule(prepared: prepared, offset: offset)
        } else {
            module = PendingCoreModule(bytes: bytes, number: number, offset: offset)
        }
        // A module prepared here is checked here, so that its errors come in definition order.
        if module.isReady { _ = try prepared(module) }
        return Self.keep(module, in: &coreModules)
    }

    /// The prepared `module`, or the error of an invalid one; the first time, what the
    /// preparation found goes on the runtime's record (a module Ctrl-C cannot stop, its names).
    private func prepared(_ module: PendingCoreModule) throws -> (module: Module, names: ShortNames?) {
        let prepared = module.wait()
        if !module.isRecorded {
            module.isRecorded = true
            if let error = prepared.notInstrumented {
                runtime.uninstrumentedModules.append("core module at byte offset \(module.offset): \(error)")
            }
            if let names = prepared.names { runtime.shortNames.append(names) }
        }
        do {
            return (try prepared.module.get(), prepared.names)
        } catch {
            throw WasmComponent.ComponentError(
                "embedded core module is invalid: \(error)", offset: module.offset, section: "core module section")
        }
    }

    /// Waits for every module the walk defined: one that is invalid fails the load even if
    /// nothing instantiates it, as when modules were parsed where they were defined.
    func finishPendingModules() throws {
        for module in coreModules { _ = try prepared(module) }
    }

    mutating func instantiate(
        module: CoreModuleHandle, arguments: [(name: String, instance: CoreInstanceHandle)], offset: Int
    ) throws -> CoreInstanceHandle {
        let instance = try instantiate(coreModules[module.index], arguments: arguments, offset: offset)
        return Self.keep(instance, in: &coreInstances)
    }

    private func instantiate(
        _ pending: PendingCoreModule, arguments: [(name: String, instance: CoreInstanceHandle)], offset: Int
    ) throws -> CoreInstanceValue {
        let module = try prepared(pending)
        var imports = Imports()
        if let names = module.names {
            for (index, entry) in names.imports.enumerated() {
                let value = try resolve(module: entry.module, name: entry.name, in: arguments, offset: offset)
                imports.define(module: "", name: String(decoding: ShortNames.importName(index), as: UTF8.self), value)
            }
        } else {
            for entry in module.module.imports {
                let value = try resolve(module: entry.module, name: entry.name, in: arguments, offset: offset)
                imports.define(module: entry.module, name: entry.name, value)
            }
        }
        do {
            let instance = try module.module.instantiate(store: store, imports: imports)
            if case .global? = instance.export(CoreModuleInstrumenter.defaultExportName) {
                runtime.interruptibleInstances.append(instance)
            }
            if let tracer = runtime.tracer { Self.register(instance, of: module.module, in: tracer, runtime: runtime) }
            if case .function(let start)? = instance.export(CoreModuleInstrumenter.startExportName) {
                try runtime.startFunctions.run(start, of: instance)
            }
            return .instance(instance, names: module.names)
        } catch let stopped as LoadError {
            throw WasmComponent.ComponentError(stopped.description, offset: offset)
        } catch {
            // WasmKit names an import by the short name it knows (see `ShortNames`).
            let message = module.names?.restoringImportNames(in: "\(error)") ?? "\(error)"
            throw WasmComponent.ComponentError("instantiating a core module failed: \(message)", offset: offset)
        }
    }

    /// The item that `arguments` supply for the import `module`.`name`.
    private func resolve(
        module: String, name: String, in arguments: [(name: String, instance: CoreInstanceHandle)], offset: Int
    ) throws -> ExternalValue {
        guard let argument = arguments.first(where: { $0.name == module }) else {
            throw WasmComponent.ComponentError(
                "core module import \(ControlCharacterEscaper.quoted(module)) was not supplied", offset: offset)
        }
        guard let value = coreInstances[argument.instance.index].export(name) else {
            throw WasmComponent.ComponentError(
                "core instance \(ControlCharacterEscaper.quoted(module)) has no export "
                    + ControlCharacterEscaper.quoted(name), offset: offset)
        }
        return value
    }

    private static let functionExportNamespace = "wasmsh:func:"

    /// Tells the tracer the functions of an instance whose module exports them all (loaded for
    /// debugging), with their names from the module's `name` section, and its probes.
    private static func register(
        _ instance: Instance, of module: Module, in tracer: FunctionTracer, runtime: ComponentRuntime
    ) {
        let names = module.customSections.first { $0.name == "name" }.map {
            CoreNameSection.functionNames(nameSection: $0.bytes)
        }
        var probes: ProbeInstance?
        for (exportName, _) in instance.exports where exportName.hasPrefix(ProbeLayout.probePrefix) {
            if let number = Int(exportName.dropFirst(ProbeLayout.probePrefix.count)),
                let layout = runtime.debugModules[number]?.probes,
                let found = ProbeInstance(instance: instance, module: number, layout: layout)
            {
                probes = found
                tracer.registerProbes(found)
            }
        }
        if let probes {
            for (exportName, value) in instance.exports where exportName.hasPrefix(ProbeLayout.twinPrefix) {
                guard case .function(let twin) = value,
                    let index = Int(exportName.dropFirst(ProbeLayout.twinPrefix.count))
                else { continue }
                tracer.registerTwin(
                    twin, of: CoreFunctionName(module: probes.module, index: index, name: names?[index]))
            }
        }
        for (exportName, value) in instance.exports where exportName.hasPrefix(functionExportNamespace) {
            let numbers = exportName.dropFirst(functionExportNamespace.count).split(separator: ":").compactMap {
                Int($0)
            }
            guard case .function(let function) = value, numbers.count == 2 else { continue }
            tracer.register(
                function, as: CoreFunctionName(module: numbers[0], index: numbers[1], name: names?[numbers[1]]),
                probes: probes?.module == numbers[0] ? probes : nil)
        }
    }

    mutating func coreInstance(exports: [(name: String, sort: CoreSort, item: CoreItemHandle)]) throws
        -> CoreInstanceHandle
    {
        var items = [String: ExternalValue](minimumCapacity: exports.count)
        for export in exports { items[export.name] = coreItems[export.item.index] }
        return Self.keep(.exports(items), in: &coreInstances)
    }

    mutating func coreExport(of instance: CoreInstanceHandle, name: String, sort: CoreSort, offset: Int) throws
        -> CoreItemHandle
    {
        guard let value = coreInstances[instance.index].export(name) else {
            throw WasmComponent.ComponentError(
                "core instance has no export named \(ControlCharacterEscaper.quoted(name))", offset: offset)
        }
        guard value.sort == sort else {
            throw WasmComponent.ComponentError(
                "core export '\(name)' is a \(value.sort), not a \(sort)", offset: offset)
        }
        return Self.keep(value, in: &coreItems)
    }

    mutating func lift(
        _ core: CoreItemHandle, type: WasmComponent.FunctionType, options: ResolvedCanonOptions, offset: Int
    ) throws -> FunctionHandle {
        guard case .function(let function) = coreItems[core.index] else {
            throw WasmComponent.ComponentError("canon lift needs a core function", offset: offset)
        }
        let lifted = LiftedFunction(
            type: type, core: function,
            memory: try options.memory.map { (item) throws(WasmComponent.ComponentError) in
                try memory(item, offset: offset)
            },
            realloc: try options.realloc.map { (item) throws(WasmComponent.ComponentError) in
                try coreFunction(item, "realloc", offset: offset)
            },
            postReturn: try options.postReturn.map { (item) throws(WasmComponent.ComponentError) in
                try coreFunction(item, "post-return", offset: offset)
            },
            options: CanonicalOptions(stringEncoding: options.stringEncoding))
        return Self.keep(
            ComponentFunction(type: type, implementation: .lifted(lifted), runtime: runtime), in: &functions)
    }

    mutating func lower(
        _ function: FunctionHandle, type: WasmComponent.FunctionType, options: ResolvedCanonOptions, offset: Int
    ) throws -> CoreItemHandle {
        let lowered = LoweredFunction(
            target: functions[function.index],
            memory: try options.memory.map { (item) throws(WasmComponent.ComponentError) in
                try memory(item, offset: offset)
            },
            realloc: try options.realloc.map { (item) throws(WasmComponent.ComponentError) in
                try coreFunction(item, "realloc", offset: offset)
            },
            options: CanonicalOptions(stringEncoding: options.stringEncoding))
        return Self.keep(.function(try lowered.makeCoreFunction(store: store, runtime: runtime)), in: &coreItems)
    }

    func defineResource(_ resource: ResourceType, destructor: CoreItemHandle?, offset: Int) throws {
        let function = try destructor.map { (item) throws(WasmComponent.ComponentError) in
            try coreFunction(item, "resource destructor", offset: offset)
        }
        runtime.tables.define(resource, destructor: function)
    }

    mutating func resourceNew(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle {
        let tables = runtime.tables
        guard tables.implements(resource) else {
            throw WasmComponent.ComponentError("resource.new needs a resource this component defines", offset: offset)
        }
        let function = WasmKit.Function(store: store, parameters: [.i32], results: [.i32]) {
            [weak tables] _, arguments in
            guard let tables else { throw ResourceTables.unloaded }
            guard case .i32(let rep) = arguments[0] else { return [.i32(0)] }
            return [.i32(try tables.addGuest(ResourceTables.Entry(resource: resource, rep: rep, isOwned: true)))]
        }
        return Self.keep(.function(function), in: &coreItems)
    }

    mutating func resourceDrop(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle {
        let tables = runtime.tables
        let function = WasmKit.Function(store: store, parameters: [.i32], results: []) { [weak tables] _, arguments in
            guard let tables else { throw ResourceTables.unloaded }
            guard case .i32(let index) = arguments[0] else { return [] }
            let entry = try tables.removeGuest(index, resource)
            if entry.isOwned { try tables.destroy(entry) }
            return []
        }
        return Self.keep(.function(function), in: &coreItems)
    }

    mutating func resourceRep(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle {
        let tables = runtime.tables
        guard tables.implements(resource) else {
            throw WasmComponent.ComponentError("resource.rep needs a resource this component defines", offset: offset)
        }
        let function = WasmKit.Function(store: store, parameters: [.i32], results: [.i32]) {
            [weak tables] _, arguments in
            guard let tables else { throw ResourceTables.unloaded }
            guard case .i32(let index) = arguments[0] else { return [.i32(0)] }
            return [.i32(try tables.guestEntry(index, resource).rep)]
        }
        return Self.keep(.function(function), in: &coreItems)
    }

    mutating func importedFunction(interface: String?, name: String, type: WasmComponent.FunctionType) throws
        -> FunctionHandle
    {
        let context = HostCallContext(
            component: runtime.name, interface: interface ?? "", function: name, type: type,
            resources: runtime.hostResources, interruption: runtime.interruption
        ).answered(by: runtime.handler)
        runtime.importedFunctions.append(context)
        return Self.keep(
            ComponentFunction(type: type, implementation: .imported(context), runtime: runtime), in: &functions)
    }

    private func memory(_ item: CoreItemHandle, offset: Int) throws(WasmComponent.ComponentError) -> Memory {
        guard case .memory(let memory) = coreItems[item.index] else {
            throw WasmComponent.ComponentError("the memory option must name a core memory", offset: offset)
        }
        return memory
    }

    private func coreFunction(_ item: CoreItemHandle, _ role: String, offset: Int) throws(WasmComponent.ComponentError)
        -> WasmKit.Function
    {
        guard case .function(let function) = coreItems[item.index] else {
            throw WasmComponent.ComponentError("the \(role) option must name a core function", offset: offset)
        }
        return function
    }
}

extension ExternalValue {
    var sort: CoreSort {
        switch self {
        case .function: return .function
        case .table: return .table
        case .memory: return .memory
        case .global: return .global
        case .tag: return .tag
        }
    }
}
