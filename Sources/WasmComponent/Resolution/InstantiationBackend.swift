/// What the component walker needs from whoever makes things real. The walker owns index
/// spaces, names and types; a backend owns core modules, core instances and functions.
///
/// `ComponentInspector` implements it with nothing behind (types only); the sandbox implements
/// it over WasmKit.
package protocol InstantiationBackend {
    associatedtype CoreModule
    associatedtype CoreInstance
    /// A core function, table, memory or global.
    associatedtype CoreItem
    /// A component-level function (lifted from core code, or provided by the host).
    associatedtype Function

    mutating func coreModule(bytes: ArraySlice<UInt8>, offset: Int) throws -> CoreModule
    mutating func instantiate(
        module: CoreModule, arguments: [(name: String, instance: CoreInstance)], offset: Int
    ) throws -> CoreInstance
    mutating func coreInstance(exports: [(name: String, sort: CoreSort, item: CoreItem)]) throws -> CoreInstance
    mutating func coreExport(of instance: CoreInstance, name: String, sort: CoreSort, offset: Int) throws -> CoreItem

    mutating func lift(
        _ core: CoreItem, type: FunctionType, options: ResolvedCanonOptions<CoreItem>, offset: Int
    ) throws -> Function
    mutating func lower(
        _ function: Function, type: FunctionType, options: ResolvedCanonOptions<CoreItem>, offset: Int
    ) throws -> CoreItem
    mutating func defineResource(_ resource: ResourceType, destructor: CoreItem?, offset: Int) throws
    mutating func resourceNew(_ resource: ResourceType, offset: Int) throws -> CoreItem
    mutating func resourceDrop(_ resource: ResourceType, offset: Int) throws -> CoreItem
    mutating func resourceRep(_ resource: ResourceType, offset: Int) throws -> CoreItem

    /// A function of a top-level import: `interface` is the imported instance's name, or nil
    /// for a function imported directly by the world.
    mutating func importedFunction(interface: String?, name: String, type: FunctionType) throws -> Function
}

/// Canon options with their indices resolved to core items.
package struct ResolvedCanonOptions<CoreItem> {
    package var stringEncoding: StringEncoding = .utf8
    package var memory: CoreItem?
    package var realloc: CoreItem?
    package var postReturn: CoreItem?
}
