import WasmComponent
import WasmKit

/// The canonical ABI's view of one guest for one call: its memory, its realloc, the loaded
/// component's resource tables, and what lifting may still take of host memory in this call.
struct GuestContext: CanonicalContext {
    let options: CanonicalOptions
    let memory: Memory?
    let reallocFunction: WasmKit.Function?
    unowned let runtime: ComponentRuntime
    var tables: ResourceTables { runtime.tables }
    /// Host memory lifting may still take in this call (`ComponentLimits.liftBytesPerCall`).
    private var liftRemaining: Int
    /// Where the last check for an interruption was, counting down from the budget.
    private var nextInterruptCheck: Int

    init(options: CanonicalOptions, memory: Memory?, reallocFunction: WasmKit.Function?, runtime: ComponentRuntime) {
        self.options = options
        self.memory = memory
        self.reallocFunction = reallocFunction
        self.runtime = runtime
        liftRemaining = runtime.limits.liftBytesPerCall
        nextInterruptCheck = liftRemaining
    }

    /// How often lifting looks for Ctrl-C: every this many bytes of lifted values.
    static let interruptCheckBytes = 1 << 20

    mutating func chargeLift(_ bytes: Int) throws {
        guard bytes <= liftRemaining else {
            throw ResourceLimitError(
                .lift,
                "lift limit exceeded: the values lifted in one call would take more than "
                    + "\(ResourceLimitError.bytes(runtime.limits.liftBytesPerCall)) of host memory")
        }
        liftRemaining -= bytes
        if liftRemaining <= nextInterruptCheck {
            nextInterruptCheck = liftRemaining - Self.interruptCheckBytes
            if runtime.interruption.isRequested { throw GuestInterrupted(reason: "lifting was stopped") }
        }
    }

    func memoryByteCount() -> Int? { memory?.byteCount }

    func withMemory<T>(offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        // The canonical ABI only asks for memory after `memoryByteCount()` said there is one
        // and the range is in bounds (the `CanonicalContext` contract).
        guard let memory else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try memory.withUnsafeBufferPointer(offset: UInt(offset), count: count, body)
    }

    mutating func withMutableMemory<T>(
        offset: Int, count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> T
    ) rethrows -> T {
        guard let memory else { return try body(UnsafeMutableRawBufferPointer(start: nil, count: 0)) }
        return try memory.withUnsafeMutableBufferPointer(offset: UInt(offset), count: count, body)
    }

    var hasRealloc: Bool { reallocFunction != nil }

    func loadBits(offset: Int, count: Int) -> UInt64 {
        guard let memory else { return 0 }
        return memory.withUnsafeBufferPointer(offset: UInt(offset), count: count) { CanonicalABI.littleEndianBits($0) }
    }

    mutating func storeBits(_ bits: UInt64, offset: Int, count: Int) {
        guard let memory else { return }
        memory.withUnsafeMutableBufferPointer(offset: UInt(offset), count: count) {
            CanonicalABI.storeLittleEndianBits(bits, into: $0)
        }
    }

    mutating func realloc(originalPointer: UInt32, originalSize: UInt32, alignment: UInt32, newSize: UInt32) throws
        -> UInt32
    {
        guard let reallocFunction else { throw ResourceError("the function has no realloc option") }
        // One strong reference for the call: each use of the unowned property takes another.
        let runtime = self.runtime
        let results: [Value]
        do {
            results = try runtime.withoutLeaving("realloc") {
                try runtime.stacks.invokeRealloc(
                    reallocFunction, originalPointer: originalPointer, originalSize: originalSize,
                    alignment: alignment, newSize: newSize)
            }
        } catch {
            // Guest code failed: whatever it left behind, the instance is not to be entered again.
            throw GuestCallFailed(error)
        }
        guard results.count == 1, case .i32(let pointer) = results[0] else {
            throw ResourceError("realloc returned \(results) instead of one i32")
        }
        return pointer
    }

    mutating func lowerOwn(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        guard handle.isOwned else { throw ResourceError("\(handle) is borrowed; an own<\(type.name)> is needed") }
        guard handle.resource === type else { throw ResourceError("\(handle) is not a \(type.name)") }
        var entry = try tables.removeHost(handle)
        entry.isOwned = true
        return try tables.addGuest(entry)
    }

    mutating func lowerBorrow(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        guard handle.resource === type else { throw ResourceError("\(handle) is not a \(type.name)") }
        let entry = try tables.hostEntry(handle)
        // The guest implements the resource: a borrow passes the representation itself.
        guard tables.implements(type) else {
            throw ResourceError("lending a host resource (\(type.name)) to a guest is not supported")
        }
        return entry.rep
    }

    mutating func liftOwn(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle {
        let entry = try tables.guestEntry(index, type)
        guard entry.isOwned else { throw ResourceError("handle index \(index) is a borrow, not an own<\(type.name)>") }
        _ = try tables.removeGuest(index, type)
        return try tables.addHost(entry)
    }

    mutating func liftBorrow(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle {
        let entry = try tables.guestEntry(index, type)
        return ResourceHandle(resource: entry.resource, index: index, isOwned: false)
    }
}

extension LiftedFunction {
    /// Host → guest: lower the arguments, run the core function, lift the result, post-return.
    /// Anything that goes wrong while the guest's frames are on the stack (a trap, a failed host
    /// call, an abort) comes out as `GuestCallFailed`: the instance cannot be entered again.
    func call(_ arguments: [ComponentValue], runtime: ComponentRuntime) throws -> ComponentValue? {
        var context = GuestContext(options: options, memory: memory, reallocFunction: realloc, runtime: runtime)
        // Integers only: the same bits, without the canonical ABI's intermediate arrays.
        let scalarArguments = scalarPlan?.lower(arguments)
        // Taken for this call and handed back after it: a nested call of this function, were
        // there one, would find none and make its own.
        var scratch = self.scratch.take() ?? Scratch()
        defer { self.scratch = scratch }
        let coreArguments: [Value]
        if let scalarArguments {
            coreArguments = scalarArguments
        } else {
            try signature.lowerArguments(arguments, into: &scratch.coreValues, context: &context)
            scratch.arguments.removeAll(keepingCapacity: true)
            for value in scratch.coreValues { scratch.arguments.append(value.wasmKitValue) }
            coreArguments = scratch.arguments
        }
        let coreResults: [Value]
        do {
            coreResults = try runtime.stacks.invoke(core, coreArguments)
        } catch {
            throw GuestCallFailed(error)
        }
        let result: ComponentValue?
        if scalarArguments != nil, let lifted = scalarPlan?.lift(coreResults) {
            result = lifted
        } else {
            try scratch.coreValues.refill(from: coreResults)
            result = try signature.liftResult(from: scratch.coreValues, context: &context)
        }
        if let postReturn {
            do {
                _ = try runtime.withoutLeaving("a post-return function") {
                    try runtime.stacks.invoke(postReturn, coreResults)
                }
            } catch {
                throw GuestCallFailed(error)
            }
        }
        return result
    }
}

/// A component function lowered to a core function (`canon lower`): what a guest imports.
struct LoweredFunction {
    let target: ComponentFunction
    let memory: Memory?
    let realloc: WasmKit.Function?
    let options: CanonicalOptions

    func makeCoreFunction(store: Store, runtime: ComponentRuntime) throws -> WasmKit.Function {
        let signature = CanonicalSignature(target.type)
        let coreType = signature.coreType(.lower)
        let context = GuestContext(options: options, memory: memory, reallocFunction: realloc, runtime: runtime)
        let state = LoweredCallState(signature: signature, context: context, target: target)
        runtime.loweredCalls.append(state)
        return WasmKit.Function(
            store: store, parameters: coreType.parameters.map(\.wasmKitType),
            results: coreType.results.map(\.wasmKitType)
        ) { [unowned runtime, weak state] caller, parameters, results in
            // The state dies with the runtime; only guest code of this store calls here, and
            // that needs the runtime. Checked first, so a dead runtime is never touched.
            guard let state else { throw LoadError("the component was unloaded") }
            if runtime.capturesBacktraces {
                // A frame without a function is the host's entry into the guest, not a wasm frame.
                runtime.lastHostCallBacktrace =
                    caller.captureBacktrace()?.symbols.compactMap { $0.name.map(runtime.ownFunctionName) } ?? []
            }
            try state.serve(parameters, into: results, runtime: runtime)
        }
    }
}

extension [CoreValue] {
    /// Empties the array, keeping its memory, and fills it with `values` (see `CoreValue.init`).
    mutating func refill(from values: some Collection<Value>) throws {
        removeAll(keepingCapacity: true)
        for value in values { append(try CoreValue(value)) }
    }
}

extension CoreValue {
    init(_ value: Value) throws {
        switch value {
        case .i32(let bits): self = .i32(bits)
        case .i64(let bits): self = .i64(bits)
        case .f32(let bits): self = .f32(bits)
        case .f64(let bits): self = .f64(bits)
        default: throw ResourceError("a core value \(value) cannot cross the component boundary")
        }
    }

    var wasmKitValue: Value {
        switch self {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        }
    }
}

extension CoreValueType {
    var wasmKitType: WasmKit.ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        }
    }
}
