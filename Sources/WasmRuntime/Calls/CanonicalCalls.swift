import WasmComponent
import WasmKit

/// The canonical ABI's view of one guest for one call: its memory, its realloc, and the
/// loaded component's resource tables.
struct GuestContext: CanonicalContext {
    let options: CanonicalOptions
    let memory: Memory?
    let reallocFunction: WasmKit.Function?
    let tables: ResourceTables

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

    mutating func realloc(originalPointer: UInt32, originalSize: UInt32, alignment: UInt32, newSize: UInt32) throws
        -> UInt32
    {
        guard let reallocFunction else { throw ResourceError("the function has no realloc option") }
        let results = try reallocFunction.invoke([
            .i32(originalPointer), .i32(originalSize), .i32(alignment), .i32(newSize),
        ])
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
        return tables.addGuest(entry)
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
        return tables.addHost(entry)
    }

    mutating func liftBorrow(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle {
        let entry = try tables.guestEntry(index, type)
        return ResourceHandle(resource: entry.resource, index: index, isOwned: false)
    }
}

extension LiftedFunction {
    /// Host → guest: lower the arguments, run the core function, lift the result, post-return.
    func call(_ arguments: [ComponentValue], runtime: ComponentRuntime) throws -> ComponentValue? {
        var context = GuestContext(options: options, memory: memory, reallocFunction: realloc, tables: runtime.tables)
        let coreArguments = try signature.lowerArguments(arguments, context: &context)
        let coreResults = try core.invoke(coreArguments.map(\.wasmKitValue))
        let result = try signature.liftResult(from: try coreResults.map(CoreValue.init), context: &context)
        if let postReturn { try postReturn.invoke(coreResults) }
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
        let context = GuestContext(options: options, memory: memory, reallocFunction: realloc, tables: runtime.tables)
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
                runtime.lastHostCallBacktrace = caller.captureBacktrace()?.symbols.compactMap(\.name) ?? []
            }
            var context = state.context
            let coreArguments = try parameters.map { try CoreValue($0) }
            let arguments: [ComponentValue]
            do {
                arguments = try state.signature.liftArguments(from: coreArguments, context: &context)
            } catch var error as WasmComponent.CanonicalABIError {
                // `argument `s`` alone would read as an argument of the export being called.
                error.site = "\(state.label) \(error.site ?? "arguments")"
                throw error
            }
            let result = try state.target.call(arguments)
            let lowered: [CoreValue]
            do {
                lowered = try state.signature.lowerResult(result, coreArguments: coreArguments, context: &context)
            } catch var error as WasmComponent.CanonicalABIError {
                error.site = "\(state.label) \(error.site ?? "result")"
                throw error
            }
            for (index, value) in lowered.enumerated() { results[index] = value.wasmKitValue }
        }
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
