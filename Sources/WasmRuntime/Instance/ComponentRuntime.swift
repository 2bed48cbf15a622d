import WasmComponent
import WasmKit

/// The mutable state shared by everything one loaded component runs: its store, its resource
/// tables, and the gate every host call goes through.
final class ComponentRuntime {
    let name: String
    let store: Store
    let tables = ResourceTables()
    /// Every call of an imported function lands here: policy, audit and the host's work.
    var hostCallHandler: (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    /// Core instances whose modules carry the interrupt check (see `CoreModuleInstrumenter`).
    var interruptibleInstances: [Instance] = []
    /// Why some core modules could not be instrumented (then Ctrl-C cannot stop them).
    var uninstrumentedModules: [String] = []
    /// While stepping: record the guest's call stack at each host call, for `bt`.
    var capturesBacktraces = false
    var lastHostCallBacktrace: [String] = []
    /// Owned here, reached weakly by the store's host functions (see `LoweredCallState`).
    var loweredCalls: [LoweredCallState] = []
    /// The store's interceptor when the component is loaded for debugging (function stepping).
    let tracer: FunctionTracer?
    /// Core modules defined so far: the next one's number in `CoreFunctionName`.
    var coreModuleCount = 0
    /// Loaded for debugging: each core module's DWARF and probes, by module number.
    var debugModules: [Int: DebugModule] = [:]
    /// Runs the core modules' start functions where they can be stopped (see the type).
    let startFunctions: StartFunctionGuard

    init(
        name: String, store: Store, tracer: FunctionTracer? = nil, startFunctions: StartFunctionGuard,
        hostCallHandler: @escaping (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    ) {
        self.name = name
        self.store = store
        self.tracer = tracer
        self.startFunctions = startFunctions
        self.hostCallHandler = hostCallHandler
    }
}
