/// What the component walker needs from whoever makes things real. The walker owns index
/// spaces, names and types; a backend owns core modules, core instances, core items and
/// functions, and gives the walker a handle for each (`BackendHandle`).
///
/// `ComponentInspector` implements it with nothing behind (types only); the sandbox implements
/// it over WasmKit.
package protocol InstantiationBackend {
    mutating func coreModule(bytes: ArraySlice<UInt8>, offset: Int) throws -> CoreModuleHandle
    mutating func instantiate(
        module: CoreModuleHandle, arguments: [(name: String, instance: CoreInstanceHandle)], offset: Int
    ) throws -> CoreInstanceHandle
    mutating func coreInstance(exports: [(name: String, sort: CoreSort, item: CoreItemHandle)]) throws
        -> CoreInstanceHandle
    mutating func coreExport(of instance: CoreInstanceHandle, name: String, sort: CoreSort, offset: Int) throws
        -> CoreItemHandle

    mutating func lift(
        _ core: CoreItemHandle, type: FunctionType, options: ResolvedCanonOptions, offset: Int
    ) throws -> FunctionHandle
    mutating func lower(
        _ function: FunctionHandle, type: FunctionType, options: ResolvedCanonOptions, offset: Int
    ) throws -> CoreItemHandle
    mutating func defineResource(_ resource: ResourceType, destructor: CoreItemHandle?, offset: Int) throws
    mutating func resourceNew(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle
    mutating func resourceDrop(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle
    mutating func resourceRep(_ resource: ResourceType, offset: Int) throws -> CoreItemHandle

    /// A function of a top-level import: `interface` is the imported instance's name, or nil
    /// for a function imported directly by the world.
    mutating func importedFunction(interface: String?, name: String, type: FunctionType) throws -> FunctionHandle
}

/// Something a backend made, known to the walker by the position the backend keeps it at.
///
/// Why handles and not the backend's own types: a walk generic over those types is compiled once
/// in this module and never specialized for the sandbox's backend (another module), so every
/// array, optional and tuple of them had its type metadata looked up at run time, 15% of
/// loading a component with a hundred exports.
package struct BackendHandle<Role>: Equatable, Sendable {
    package let index: Int

    package init(_ index: Int) { self.index = index }
}

package enum CoreModuleRole {}
package enum CoreInstanceRole {}
/// A core function, table, memory or global.
package enum CoreItemRole {}
/// A component-level function (lifted from core code, or provided by the host).
package enum FunctionRole {}

package typealias CoreModuleHandle = BackendHandle<CoreModuleRole>
package typealias CoreInstanceHandle = BackendHandle<CoreInstanceRole>
package typealias CoreItemHandle = BackendHandle<CoreItemRole>
package typealias FunctionHandle = BackendHandle<FunctionRole>

/// Canon options with their indices resolved to core items.
package struct ResolvedCanonOptions {
    package var stringEncoding: StringEncoding = .utf8
    package var memory: CoreItemHandle?
    package var realloc: CoreItemHandle?
    package var postReturn: CoreItemHandle?
}
