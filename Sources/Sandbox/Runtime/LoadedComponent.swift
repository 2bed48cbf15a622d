import WasmKit
import WasmComponent

/// A component instantiated on its own WasmKit store, ready to call.
public final class LoadedComponent {
    public let name: String
    public let world: ComponentWorld
    public let exports: [ExportedFunction]
    /// Imported functions no host serves (`iface.func`): loading still succeeds, and a call
    /// that reaches one traps naming it.
    public let unprovidedImports: [String]

    /// The memory, table and fuel limits the component runs under.
    public let limits: ComponentLimits

    private let runtime: ComponentRuntime
    private let functions: [String: ComponentFunction]

    /// Parses, validates and instantiates `bytes`. Every host call of the component goes through
    /// `hostCall`, which decides (policy), records (audit) and serves it.
    public convenience init(
        bytes: [UInt8], name: String, providedInterfaces: Set<String>, limits: ComponentLimits = .default,
        hostCall: @escaping (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    ) throws {
        try self.init(
            binary: try ComponentParser.parse(bytes), name: name, providedInterfaces: providedInterfaces,
            limits: limits, hostCall: hostCall)
    }

    public init(
        binary: ComponentBinary, name: String, providedInterfaces: Set<String>, limits: ComponentLimits = .default,
        hostCall: @escaping (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    ) throws {
        self.name = name
        self.limits = limits
        let store = Store(engine: Engine(configuration: EngineConfiguration(fuelMetering: limits.fuelPerCall != nil)))
        store.apply(limits)
        // Start functions run during instantiation: they get one call's budget.
        if let fuel = limits.fuelPerCall { store.fuel = Fuel(remaining: fuel) }
        let runtime = ComponentRuntime(name: name, store: store, hostCallHandler: hostCall)
        var backend = WasmKitBackend(runtime: runtime)
        let scope = try ComponentScope.instantiate(binary, backend: &backend)
        self.runtime = runtime
        self.world = ComponentInspector.world(
            imports: scope.imports, exports: scope.exports.map { ($0.name, $0.item.externType) })

        var exports: [ExportedFunction] = []
        var functions: [String: ComponentFunction] = [:]
        for (exportName, item) in scope.exports {
            switch item {
            case .function(let type, let function):
                exports.append(ExportedFunction(interface: nil, name: exportName, type: type))
                functions["#" + exportName] = function
            case .instance(let instance):
                for (functionName, member) in instance.exports {
                    guard case .function(let type, let function) = member else { continue }
                    exports.append(ExportedFunction(interface: exportName, name: functionName, type: type))
                    functions[exportName + "#" + functionName] = function
                }
            default: continue
            }
        }
        self.exports = exports
        self.functions = functions

        var unprovided: [String] = []
        for item in world.imports {
            switch item {
            case .interface(let interface) where !providedInterfaces.contains(InterfaceName(interface.name).unversioned):
                unprovided += interface.functions.map { "\(interface.name).\($0.name)" }
            case .function(let function):
                unprovided.append(function.name)
            default: continue
            }
        }
        self.unprovidedImports = unprovided
    }

    public func resolve(_ target: String) throws(LoadError) -> ExportedFunction {
        try ExportResolver.resolve(target, in: exports)
    }

    /// Calls an export with lifted arguments; the arguments must already match its type.
    public func call(_ export: ExportedFunction, _ arguments: [ComponentValue]) throws -> ComponentValue? {
        guard let function = functions[(export.interface ?? "") + "#" + export.name] else {
            throw LoadError("\(name) does not export \(export.qualifiedName)")
        }
        return try runningGuest { try function.call(arguments) }
    }

    /// Runs guest code with a fresh fuel budget; a trap becomes a `GuestTrap` (one line naming
    /// it, then a short backtrace).
    private func runningGuest<T>(_ body: () throws -> T) throws -> T {
        if let fuel = limits.fuelPerCall { runtime.store.fuel = Fuel(remaining: fuel) }
        do {
            return try body()
        } catch let trap as Trap {
            throw GuestTrap(trap)
        } catch let limit as ResourceLimitError {
            // Thrown out of `memory.grow`/`table.grow`: a trap of the guest like any other.
            throw GuestTrap(reason: limit.description, frames: [])
        }
    }

    /// While true, each host call records the guest's wasm call stack (`lastHostCallBacktrace`,
    /// innermost first): the stepper's `bt`. Off by default: capturing costs on every host call.
    public var capturesBacktraces: Bool {
        get { runtime.capturesBacktraces }
        set { runtime.capturesBacktraces = newValue }
    }

    public var lastHostCallBacktrace: [String] { runtime.lastHostCallBacktrace }

    /// Drops a resource handle the host owns, running the resource's destructor.
    public func drop(_ handle: ResourceHandle) throws {
        let entry = try runtime.tables.removeHost(handle)
        try runningGuest { try runtime.tables.destroy(entry) }
    }
}
