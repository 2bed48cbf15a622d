import WasmComponent
import WasmKit

/// Instantiates a component's core modules and canonical functions on WasmKit.
struct WasmKitBackend: InstantiationBackend {
    /// A module being prepared (rewritten and parsed) on a worker thread.
    typealias CoreModule = PendingCoreModule
    typealias CoreInstance = CoreInstanceValue
    typealias CoreItem = ExternalValue
    typealias Function = ComponentFunction

    let runtime: ComponentRuntime
    var store: Store { runtime.store }

    func coreModule(bytes: ArraySlice<UInt8>, offset: Int) throws -> CoreModule {
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
        runtime.pendingModules.append(module)
        return module
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
        for module in runtime.pendingModules { _ = try prepared(module) }
        runtime.pendingModules.removeAll()
    }

    func instantiate(module pending: CoreModule, arguments: [(name: String, instance: CoreInstanceValue)], offset: Int)
        throws -> CoreInstanceValue
    {
        let module = try prepared(pending)
        var imports = Imports()
        if let names = module.names {
            for (index, entry) in names.imports.enumerated() {
                let value = try Self.resolve(module: entry.module, name: entry.name, in: arguments, offset: offset)
                imports.define(module: "", name: String(decoding: ShortNames.importName(index), as: UTF8.self), value)
            }
        } else {
            for entry in module.module.imports {
                let value = try Self.resolve(module: entry.module, name: entry.name, in: arguments, offset: offset)
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
    private static func resolve(
        module: String, name: String, in arguments: [(name: String, instance: CoreInstanceValue)], offset: Int
    ) throws -> ExternalValue {
        guard let argument = arguments.first(where: { $0.name == module }) else {
            throw WasmComponent.ComponentError(
                "core module import \(ControlCharacterEscaper.quoted(module)) was not supplied", offset: offset)
        }
        guard let value = argument.instance.export(name) else {
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

    func coreInstance(exports: [(name: String, sort: CoreSort, item: ExternalValue)]) throws -> CoreInstanceValue {
        var items: [String: ExternalValue] = [:]
        for export in exports { items[export.name] = export.item }
        return .exports(items)
    }

    func coreExport(of instance: CoreInstanceValue, name: String, sort: CoreSort, offset: Int) throws -> ExternalValue {
        guard let value = instance.export(name) else {
            throw WasmComponent.ComponentError(
                "core instance has no export named \(ControlCharacterEscaper.quoted(name))", offset: offset)
        }
        guard value.sort == sort else {
            throw WasmComponent.ComponentError(
                "core export '\(name)' is a \(value.sort), not a \(sort)", offset: offset)
        }
        return value
    }

    func lift(
        _ core: ExternalValue, type: WasmComponent.FunctionType, options: ResolvedCanonOptions<ExternalValue>,
        offset: Int
    )
        throws -> ComponentFunction
    {
        guard case .function(let function) = core else {
            throw WasmComponent.ComponentError("canon lift needs a core function", offset: offset)
        }
        let lifted = LiftedFunction(
            type: type, signature: runtime.signature(of: type),
            core: function,
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
        return ComponentFunction(type: type, implementation: .lifted(lifted), runtime: runtime)
    }

    func lower(
        _ function: ComponentFunction, type: WasmComponent.FunctionType, options: ResolvedCanonOptions<ExternalValue>,
        offset: Int
    )
        throws -> ExternalValue
    {
        let lowered = LoweredFunction(
            target: function,
            memory: try options.memory.map { (item) throws(WasmComponent.ComponentError) in
                try memory(item, offset: offset)
            },
            realloc: try options.realloc.map { (item) throws(WasmComponent.ComponentError) in
                try coreFunction(item, "realloc", offset: offset)
            },
            options: CanonicalOptions(stringEncoding: options.stringEncoding))
        return .function(try lowered.makeCoreFunction(store: store, runtime: runtime))
    }

    func defineResource(_ resource: ResourceType, destructor: ExternalValue?, offset: Int) throws {
        let function = try destructor.map { (item) throws(WasmComponent.ComponentError) in
            try coreFunction(item, "resource destructor", offset: offset)
        }
        runtime.tables.define(resource, destructor: function)
    }

    func resourceNew(_ resource: ResourceType, offset: Int) throws -> ExternalValue {
        let tables = runtime.tables
        guard tables.implements(resource) else {
            throw WasmComponent.ComponentError("resource.new needs a resource this component defines", offset: offset)
        }
        return .function(
            WasmKit.Function(store: store, parameters: [.i32], results: [.i32]) { [weak tables] _, arguments in
                guard let tables else { throw ResourceTables.unloaded }
                guard case .i32(let rep) = arguments[0] else { return [.i32(0)] }
                return [.i32(try tables.addGuest(ResourceTables.Entry(resource: resource, rep: rep, isOwned: true)))]
            })
    }

    func resourceDrop(_ resource: ResourceType, offset: Int) throws -> ExternalValue {
        let tables = runtime.tables
        return .function(
            WasmKit.Function(store: store, parameters: [.i32], results: []) { [weak tables] _, arguments in
                guard let tables else { throw ResourceTables.unloaded }
                guard case .i32(let index) = arguments[0] else { return [] }
                let entry = try tables.removeGuest(index, resource)
                if entry.isOwned { try tables.destroy(entry) }
                return []
            })
    }

    func resourceRep(_ resource: ResourceType, offset: Int) throws -> ExternalValue {
        let tables = runtime.tables
        guard tables.implements(resource) else {
            throw WasmComponent.ComponentError("resource.rep needs a resource this component defines", offset: offset)
        }
        return .function(
            WasmKit.Function(store: store, parameters: [.i32], results: [.i32]) { [weak tables] _, arguments in
                guard let tables else { throw ResourceTables.unloaded }
                guard case .i32(let index) = arguments[0] else { return [.i32(0)] }
                return [.i32(try tables.guestEntry(index, resource).rep)]
            })
    }

    func importedFunction(interface: String?, name: String, type: WasmComponent.FunctionType) throws
        -> ComponentFunction
    {
        let context = HostCallContext(
            component: runtime.name, interface: interface ?? "", function: name, type: type,
            resources: runtime.hostResources, interruption: runtime.interruption
        ).answered(by: runtime.handler)
        runtime.importedFunctions.append(context)
        return ComponentFunction(type: type, implementation: .imported(context), runtime: runtime)
    }

    private func memory(_ item: ExternalValue, offset: Int) throws(WasmComponent.ComponentError) -> Memory {
        guard case .memory(let memory) = item else {
            throw WasmComponent.ComponentError("the memory option must name a core memory", offset: offset)
        }
        return memory
    }

    private func coreFunction(_ item: ExternalValue, _ role: String, offset: Int) throws(WasmComponent.ComponentError)
        -> WasmKit.Function
    {
        guard case .function(let function) = item else {
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
