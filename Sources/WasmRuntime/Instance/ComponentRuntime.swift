import WasmComponent
import WasmKit

/// The mutable state shared by everything one loaded component runs: its store, its resource
/// tables, and the gate every host call goes through.
final class ComponentRuntime {
    let name: String
    let store: Store
    /// The stacks its guest code runs on, reused from call to call.
    let stacks: ExecutionStacks
    let tables: ResourceTables
    /// The tables as hosts see them (handed out in every `HostCallContext`).
    let hostResources: HostResources
    /// Every call of an imported function lands here: policy, audit and the host's work.
    let handler: any HostCallHandler
    let limits: ComponentLimits
    /// Stops host work inside a call (lifting) on Ctrl-C or the time limit.
    let interruption = CallInterruption()
    /// Set while the runtime runs the guest's `realloc` or a post-return function, where the
    /// Component Model forbids calling out of the instance: names which one, for the trap.
    var forbiddenToLeave: String?
    /// Core instances whose modules carry the interrupt check (see `CoreModuleInstrumenter`).
    var interruptibleInstances: [Instance] = []
    /// Why some core modules could not be instrumented (then Ctrl-C cannot stop them).
    var uninstrumentedModules: [String] = []
    /// While stepping: record the guest's call stack at each host call, for `bt`.
    var capturesBacktraces = false
    var lastHostCallBacktrace: [String] = []
    /// The own names of the core modules WasmKit got with short ones (see `ShortNames`).
    var shortNames: [ShortNames] = [] {
        didSet { shortFunctionNames = nil }
    }
    /// The short names WasmKit knows exported functions by → their own names: made for the
    /// first backtrace that needs them.
    private var shortFunctionNames: [String: String]?
    /// Owned here, reached weakly by the store's host functions (see `LoweredCallState`).
    var loweredCalls: [LoweredCallState] = []
    /// The store's interceptor when the component is loaded for debugging (function stepping).
    let tracer: FunctionTracer?
    /// Every imported function, in the order the component imports them, with whether a host serves it.
    var importedFunctions: [HostCallContext] = []
    /// Core modules defined so far: the next one's number in `CoreFunctionName`.
    var coreModuleCount = 0
    /// Loaded for debugging: each core module's DWARF and probes, by module number.
    var debugModules: [Int: DebugModule] = [:]
    /// Runs the core modules' start functions where they can be stopped (see the type).
    let startFunctions: StartFunctionGuard

    init(
        name: String, store: Store, limits: ComponentLimits, tracer: FunctionTracer? = nil,
        startFunctions: StartFunctionGuard, handler: any HostCallHandler
    ) {
        self.name = name
        self.store = store
        self.stacks = ExecutionStacks(engine: store.engine)
        self.limits = limits
        self.tables = ResourceTables(liveHandleLimit: limits.liveHandles)
        self.hostResources = HostResources(tables: tables)
        self.tracer = tracer
        self.startFunctions = startFunctions
        self.handler = handler
        tables.hostDestructor = { [unowned handler] type, rep in handler.hostResourceDropped(type, rep: rep) }
    }

    /// A backtrace's function name as the module gave it: WasmKit names a function the name
    /// section does not name by its export, which it knows by a short name.
    func ownFunctionName(_ name: String) -> String {
        if shortFunctionNames == nil {
            shortFunctionNames = shortNames.reduce(into: [:]) { all, names in
                all.merge(names.functionExports) { own, _ in own }
            }
        }
        return shortFunctionNames?[name] ?? name
    }

    /// Runs guest code (`realloc`, a post-return function) during which the instance may not be
    /// left: a host call from it traps.
    func withoutLeaving<T>(_ what: String, _ body: () throws -> T) rethrows -> T {
        let outer = forbiddenToLeave
        forbiddenToLeave = what
        defer { forbiddenToLeave = outer }
        return try body()
    }
}
