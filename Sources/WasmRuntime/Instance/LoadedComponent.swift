import WasmComponent
import WasmKit

/// A component instantiated on its own WasmKit store, ready to call.
public final class LoadedComponent {
    public let name: String
    public let world: ComponentWorld
    public let exports: [ExportedFunction]
    /// Imported functions no host serves (`iface.func`), with why (none does, or not with the
    /// type the component imports): loading still succeeds, and a call that reaches one is
    /// refused and traps.
    public let unprovidedImports: [(name: String, reason: String)]

    /// The memory, table and fuel limits the component runs under.
    public let limits: ComponentLimits

    private let runtime: ComponentRuntime
    /// The exported functions, each at its export's `slot`.
    private let functions: [ComponentFunction]
    /// Names already resolved, as the user wrote them: a scripted call resolves the same name
    /// over and over, and a component may export hundreds of functions.
    private var resolved: [String: ExportedFunction] = [:]
    /// Set when a call trapped or was interrupted: the Component Model forbids entering the
    /// instance again, so later calls are refused until the component is reloaded.
    public private(set) var poisoned: String? {
        didSet {
            // Whatever the host holds for the instance (open files, sockets) goes with it.
            if oldValue == nil, poisoned != nil { runtime.handler.instanceEnded() }
        }
    }
    /// Stops a running call from another thread; nil when no core module could be instrumented.
    private let interruptFlag: InterruptFlag?
    /// Why Ctrl-C cannot stop some of this component's code (modules left uninstrumented).
    public var uninterruptibleParts: [String] { runtime.uninstrumentedModules }
    /// Stops calls that outlive `limits.callSeconds`; nil when there is no limit or no way to stop.
    private let clock: CallClock?

    /// Whether the component was loaded for debugging: its wasm function entries and exits, and
    /// its probes (source lines, instructions), can be stepped (`functionObserver`), and every
    /// call costs more (see `FunctionTracer`, `ProbePlan`).
    public var isDebuggable: Bool { runtime.tracer != nil }
    /// Set by `abortRunningCall`: the running call ends with `StepAborted` at this place.
    private var abortPlace: String?

    /// Parses, validates and instantiates `bytes`. Every host call of the component goes through
    /// `hostCall`, which decides (policy), records (audit) and serves it.
    public convenience init(
        bytes: [UInt8], name: String, host: any HostCallHandler, limits: ComponentLimits = .default,
        debuggable: Bool = false, interrupts: InterruptBroadcaster? = nil
    ) throws {
        try self.init(
            binary: try ComponentParser.parse(bytes), name: name, host: host, limits: limits,
            debuggable: debuggable, interrupts: interrupts)
    }

    /// Loads with a closure for a host: the interfaces in `providedInterfaces` are served by
    /// `hostCall`, with whatever type the component imports them (tests, benchmarks).
    public convenience init(
        bytes: [UInt8], name: String, providedInterfaces: Set<String>, limits: ComponentLimits = .default,
        debuggable: Bool = false, interrupts: InterruptBroadcaster? = nil,
        hostCall: @escaping (HostCallContext, [ComponentValue]) throws -> ComponentValue?
    ) throws {
        try self.init(
            binary: try ComponentParser.parse(bytes), name: name,
            host: ClosureHostCallHandler(providing: providedInterfaces, hostCall), limits: limits,
            debuggable: debuggable, interrupts: interrupts)
    }

    /// The engine every component runs on. Memory bounds are checked in software, not by
    /// `mprotect` guard pages: WasmKit's guard-page traps cost a signal-mask system call on every
    /// entry into guest code (each call, each `realloc` of a returned string, each post-return),
    /// a third of a small call, where software checks cost a few percent of a compute loop; and
    /// no memory then reserves the whole 4 GiB wasm32 range of address space.
    package static func engineConfiguration(fuelMetering: Bool) -> EngineConfiguration {
        EngineConfiguration(memoryBoundsChecking: .software, fuelMetering: fuelMetering)
    }

    /// Instantiates `binary`; every import is served by `host`, which is asked at load which
    /// imports it serves. Start functions run meanwhile, stoppable by the time limit and,
    /// through `interrupts` (Ctrl-C), like calls.
    public init(
        binary: ComponentBinary, name: String, host: any HostCallHandler, limits: ComponentLimits = .default,
        debuggable: Bool = false, interrupts: InterruptBroadcaster? = nil
    ) throws {
        self.name = name
        self.limits = limits
        let tracer = debuggable ? FunctionTracer() : nil
        let store = Store(
            engine: Engine(
                configuration: Self.engineConfiguration(fuelMetering: limits.fuelPerCall != nil), interceptor: tracer))
        store.apply(limits)
        // Start functions run during instantiation: they get one call's budget.
        if let fuel = limits.fuelPerCall { store.fuel = Fuel(remaining: fuel) }
        let startFunctions = StartFunctionGuard(limitSeconds: limits.callSeconds)
        let runtime = ComponentRuntime(
            name: name, store: store, limits: limits, tracer: tracer, startFunctions: startFunctions, handler: host)
        var backend = WasmKitBackend(runtime: runtime)
        let loadInterrupt = interrupts?.register(startFunctions.interrupter)
        defer { if let loadInterrupt { interrupts?.unregister(loadInterrupt) } }
        let scope = try ComponentScope.instantiate(binary, backend: &backend)
        try backend.finishPendingModules()
        self.runtime = runtime
        let interruptFlag = try? InterruptFlag(instances: runtime.interruptibleInstances)
        self.interruptFlag = interruptFlag
        if let seconds = limits.callSeconds, let interruptFlag {
            let interruption = runtime.interruption
            let clock = CallClock(limitSeconds: seconds) { [weak interruptFlag] in
                interruption.request()
                interruptFlag?.request()
            }
            CallWatchdog.shared.watch(clock)
            self.clock = clock
        } else {
            self.clock = nil
        }
        self.world = ComponentInspector.world(
            imports: scope.imports, exports: scope.exports.map { ($0.name, $0.item.externType) })

        var exports: [ExportedFunction] = []
        var functions: [ComponentFunction] = []
        for (exportName, item) in scope.exports {
            switch item {
            case .function(let type, let function):
                exports.append(ExportedFunction(interface: nil, name: exportName, type: type, slot: functions.count))
                functions.append(backend.function(function))
            case .instance(let instance):
                for (functionName, member) in instance.exports {
                    guard case .function(let type, let function) = member else { continue }
                    exports.append(
                        ExportedFunction(interface: exportName, name: functionName, type: type, slot: functions.count))
                    functions.append(backend.function(function))
                }
            default: continue
            }
        }
        self.exports = exports
        self.functions = functions

        self.unprovidedImports = runtime.importedFunctions.compactMap { context in
            context.unprovidedReason.map { (context.qualifiedName, $0) }
        }
    }

    public func resolve(_ target: String) throws(ExportLookupError) -> ExportedFunction {
        if let known = resolved[target] { return known }
        let export = try ExportResolver.resolve(target, in: exports, component: name)
        // Bounded: only names that resolved are kept, and a name resolves only to an export.
        if resolved.count < 4 * exports.count + 64 { resolved[target] = export }
        return export
    }

    /// Calls an export with lifted arguments; the arguments must already match its type.
    public func call(_ export: ExportedFunction, _ arguments: [ComponentValue]) throws -> ComponentValue? {
        let function = try function(of: export)
        return try runningGuest { try function.call(arguments) }
    }

    /// The function behind `export`, found by its slot; an export resolved on another component
    /// (a reloaded one) is found by its name, as long as this one exports that name too.
    private func function(of export: ExportedFunction) throws -> ComponentFunction {
        if export.slot < exports.count, exports[export.slot].name == export.name,
            exports[export.slot].interface == export.interface
        {
            return functions[export.slot]
        }
        guard let same = exports.first(where: { $0.name == export.name && $0.interface == export.interface }) else {
            throw LoadError("\(name) does not export \(export.qualifiedName)")
        }
        return functions[same.slot]
    }

    /// Runs guest code with a fresh fuel budget and time limit; a trap becomes a `GuestTrap`
    /// (one line naming it, then a short backtrace) and poisons the instance.
    private func runningGuest<T>(_ body: () throws -> T) throws -> T {
        if let poisoned { throw InstanceUnusable(component: name, reason: poisoned) }
        if let fuel = limits.fuelPerCall { runtime.store.fuel = Fuel(remaining: fuel) }
        interruptFlag?.reset()
        runtime.interruption.reset()
        abortPlace = nil
        clock?.start()
        defer { clock?.finish() }
        do {
            let result = try body()
            // Aborted where no interrupt check followed: the guest ran on to its end, but the
            // user asked for no result. Poisoned all the same, so that an abort always means
            // the same thing whether or not the guest reached a check.
            if let abortPlace { throw aborted(at: abortPlace) }
            return result
        } catch let trap as Trap {
            if let flag = interruptFlag, flag.isInterruption(trap) { try rethrowingInterruption() }
            let report = GuestTrap(trap, ownName: runtime.ownFunctionName)
            poisoned = "it trapped (\(report.reason))"
            throw report
        } catch let limit as ResourceLimitError {
            // Lifting the result ran out of its budget or of handles: owned handles already
            // taken out of the guest's table cannot be given back, so the instance is done.
            poisoned = "it returned more than its limits allow (\(limit))"
            throw limit
        } catch is GuestInterrupted {
            // Lifting the result saw Ctrl-C or the time limit (the guest had returned; no check of
            // its own ran): its post-return function never runs, so the instance is done.
            try rethrowingInterruption(while: "its result was lifted")
        } catch let error as StepAborted {
            // Thrown out of a host call the user aborted: the guest's frames were unwound.
            throw aborted(at: error.place)
        } catch let failure as GuestCallFailed {
            // The guest's frames were unwound by an error of the host (a refused or failed host
            // call, a limit): a trap of the guest, as in the Component Model.
            switch failure.underlying {
            case let trap as Trap where interruptFlag?.isInterruption(trap) == true:
                try rethrowingInterruption()
            case let exit as GuestExit:
                poisoned = "it exited with status \(exit.status)"
                throw exit
            case _ where runtime.interruption.isRequested:
                // A host that was waiting (a sleep, a read) gave up because the call was stopped.
                try rethrowingInterruption()
            case let trap as Trap:
                let report = GuestTrap(trap, ownName: runtime.ownFunctionName)
                poisoned = "it trapped (\(report.reason))"
                throw report
            case let error as StepAborted:
                throw aborted(at: error.place)
            case let limit as ResourceLimitError where limit.limit == .memory || limit.limit == .table:
                // Thrown out of `memory.grow`/`table.grow`: a trap of the guest like any other.
                poisoned = "it trapped (\(limit.description))"
                throw GuestTrap(reason: limit.description, frames: [])
            case let interrupted as GuestInterrupted:
                poisoned = interrupted.reason
                throw interrupted
            case let error:
                poisoned = "it trapped (\(error))"
                throw error
            }
        }
    }

    /// The error of a call an interrupt check stopped: an abort, the time limit or Ctrl-C; `place`
    /// says where, when the host's own work (not a guest instruction) saw it.
    private func rethrowingInterruption(while place: String? = nil) throws -> Never {
        if let abortPlace { throw aborted(at: abortPlace) }
        let cause =
            clock?.timedOut == true
            ? "the call ran longer than its \(Self.seconds(limits.callSeconds ?? 0)) time limit"
            : "the call was stopped (Ctrl-C)"
        let reason = place.map { "\(cause) while \($0)" } ?? cause
        poisoned = reason
        throw GuestInterrupted(reason: reason)
    }

    /// The error of a call the user aborted at `place`; the instance, left mid-call, is poisoned.
    private func aborted(at place: String) -> StepAborted {
        poisoned = "it was aborted mid-call"
        return StepAborted(place)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// Stops the running call, if any, at its next loop iteration or function entry: safe to
    /// call from any thread (Ctrl-C). The interrupted instance is then poisoned.
    public var interrupter: @Sendable () -> Void {
        let flag = interruptFlag
        let interruption = runtime.interruption
        return {
            interruption.request()
            flag?.request()
        }
    }

    /// While true, each host call records the guest's wasm call stack (`lastHostCallBacktrace`,
    /// innermost first): the stepper's `bt`. Off by default: capturing costs on every host call.
    public var capturesBacktraces: Bool {
        get { runtime.capturesBacktraces }
        set { runtime.capturesBacktraces = newValue }
    }

    public var lastHostCallBacktrace: [String] { runtime.lastHostCallBacktrace }

    /// Told of every wasm function entry and exit, and of every armed probe reached, while set;
    /// only for a debuggable component (setting it on another does nothing). Setting it clears
    /// the shadow stack.
    public var functionObserver: ((FunctionEvent) -> Void)? {
        get { runtime.tracer?.observer }
        set { runtime.tracer?.observer = newValue }
    }

    /// The running stepped call's wasm frames, outermost first (the shadow stack).
    public var functionStack: [CoreFunctionName] { runtime.tracer?.stack.map(\.name) ?? [] }

    /// The running stepped call's wasm frames, outermost first, with where each one is.
    public var wasmFrames: [WasmFrame] { runtime.tracer?.frames ?? [] }

    /// The core modules, in instantiation order, with their DWARF and probes; empty unless
    /// loaded for debugging.
    public var debugModules: [DebugModule] {
        runtime.debugModules.keys.sorted().compactMap { runtime.debugModules[$0] }
    }

    /// Arms the probes of these modules (by number) and disarms the others' : an armed probe
    /// calls into the tracer, which reports it (`FunctionEvent.reached`) while an observer is set.
    /// Disarm them all (an empty set) when the stepped call ends.
    public func armProbes(inModules modules: Set<Int>) {
        for instance in runtime.tracer?.probeInstances ?? [] { instance.arm(modules.contains(instance.module)) }
    }

    /// While on (for a stepped call), every function of a module with probes runs its twin, the
    /// copy with the probes (see `ProbePlan`): only then can probes fire, and then every frame
    /// of the call has them. Off, a call pays one check per function entered.
    public func runProbedCode(_ on: Bool) {
        for instance in runtime.tracer?.probeInstances ?? [] { instance.runTwins(on) }
    }

    /// The frame a probe paused in, to read its locals, globals and memory; valid during that pause only.
    public func pausedFrame(at stop: ProbeStop) -> PausedFrame? {
        guard let instances = runtime.tracer?.probeInstances, stop.instance < instances.count else { return nil }
        return PausedFrame(instance: instances[stop.instance], offset: stop.offset.value)
    }

    /// A reader of a module's globals and memory (no locals), for global variables; nil when
    /// the module has no probes. Reads the module's first instance.
    public func moduleReader(_ module: Int) -> PausedFrame? {
        runtime.tracer?.probeInstances.first { $0.module == module }.map { PausedFrame(instance: $0) }
    }

    /// Every function the stepper can name (for `break`), in module and index order.
    public var functionNames: [CoreFunctionName] { runtime.tracer?.functionNames ?? [] }

    /// Ends the running call at the guest's next interrupt check with `StepAborted(place)`
    /// (from a function pause, where nothing can be thrown into the guest). Host calls made
    /// until then must be refused by the caller.
    public func abortRunningCall(at place: String) {
        abortPlace = place
        runtime.interruption.request()
        interruptFlag?.request()
    }

    /// Whether `abortRunningCall` was asked during the running call.
    public var isAborting: Bool { abortPlace != nil }

    deinit {
        if poisoned == nil { runtime.handler.instanceEnded() }
    }

    /// Drops a resource handle the host owns, running the resource's destructor.
    public func drop(_ handle: ResourceHandle) throws {
        let entry = try runtime.tables.removeHost(handle)
        try runningGuest {
            do {
                try runtime.tables.destroy(entry)
            } catch {
                throw GuestCallFailed(error)
            }
        }
    }
}
