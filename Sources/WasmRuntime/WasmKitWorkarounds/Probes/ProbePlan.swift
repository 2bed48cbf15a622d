import WasmComponent

/// What the instrumenter adds to a module for its probes, worked out before writing: the
/// functions and type it appends, each body's locals and the ones its probes pass, and the
/// globals.
///
/// Probes cost on every statement or instruction they guard, so they do not go into the
/// module's own functions: each function gets a twin, appended after the module's functions,
/// with the same type, locals and code plus the probes; the original starts with
///
///     global.get $stepping  if  local.get 0 … local.get N-1  call $twin  return  end
///
/// so it runs as it always did (one check per call) until a stepped call sets `stepping`,
/// from when every function entered runs its twin. Nothing is renumbered: twins and the probe
/// function come after every existing function, their types are existing ones or appended.
struct ProbePlan {
    let request: ProbeRequest
    /// The appended `[] -> []` type's index: the module's type count.
    let probeType: UInt32
    /// The first twin's index: after every imported and defined function.
    let firstTwin: UInt32
    /// The appended probe function's index: after the twins.
    let probeFunction: UInt32
    /// Each defined function's type index, for its twin.
    let typeIndices: [UInt32]
    /// Each body's locals and captures, in code-section order (sites are filled in later).
    let functions: [ProbedFunction]
    let slotCount: Int
    /// Globals of the module before instrumentation (imported and defined).
    let originalGlobalCount: UInt32
    let hasMemory: Bool
    /// Where the Code section's payload starts (a position in the module's bytes): code offsets
    /// count from here.
    let codeStart: Int

    /// Reads the type, function, memory and code sections; throws `.probesUnsupported` for a
    /// module whose types it does not model (GC types), so the caller can go without probes.
    init(
        _ request: ProbeRequest, module: ArraySlice<UInt8>, sections: [ModuleSection], layout: ModuleLayout
    ) throws(InstrumentationError) {
        self.request = request
        let whole = ModuleByteReader(module)
        var parameters: [[WasmValueKind]] = []
        var typeIndices: [UInt32] = []
        var definedMemories: UInt32 = 0
        var code: ModuleSection?
        for section in sections {
            var reader = try whole.advanced(to: section.contentRange)
            switch section.id {
            case ModuleSection.type:
                parameters = try Self.readFunctionTypes(&reader)
            case ModuleSection.function:
                let count = try reader.readVarUInt32("the function count")
                for _ in 0..<count { typeIndices.append(try reader.readVarUInt32("a function type index")) }
            case ModuleSection.memory:
                definedMemories = try reader.readVarUInt32("the memory count")
            case ModuleSection.code:
                code = section
            default:
                break
            }
        }
        guard let code else { throw InstrumentationError(.probesUnsupported("the module has no code"), offset: 0) }
        guard let typeCount = UInt32(exactly: parameters.count), typeCount < UInt32.max else {
            throw InstrumentationError(.probesUnsupported("too many types"), offset: 0)
        }
        let (functionCount, overflow) = layout.importedFunctionCount.addingReportingOverflow(
            layout.declaredFunctionCount)
        let (withTwins, twinsOverflow) = functionCount.addingReportingOverflow(layout.declaredFunctionCount)
        guard !overflow, !twinsOverflow, withTwins < UInt32.max else {
            throw InstrumentationError(.probesUnsupported("too many functions"), offset: 0)
        }
        probeType = typeCount
        firstTwin = functionCount
        probeFunction = withTwins
        self.typeIndices = typeIndices
        originalGlobalCount = layout.flagIndex
        hasMemory = layout.importedMemoryCount + definedMemories > 0
        codeStart = code.contentRange.lowerBound

        var reader = try whole.advanced(to: code.contentRange)
        let count = try reader.readVarUInt32("the function body count")
        guard count == layout.declaredFunctionCount, Int(count) == typeIndices.count else {
            throw reader.error(.functionCountMismatch(declared: layout.declaredFunctionCount, bodies: count))
        }
        var functions: [ProbedFunction] = []
        functions.reserveCapacity(Int(count))
        for ordinal in 0..<Int(count) {
            let size = Int(try reader.readVarUInt32("a function body size"))
            var body = try reader.limited(to: size, "a function body")
            try reader.skip(size, "a function body")
            let start = body.position
            let typeIndex = Int(typeIndices[ordinal])
            guard typeIndex < parameters.count else {
                throw body.error(.malformed("function type index \(typeIndex)"))
            }
            var locals = Self.runs(parameters[typeIndex])
            locals += try Self.readLocals(&body)
            let index = layout.importedFunctionCount + UInt32(ordinal)
            functions.append(
                ProbedFunction(
                    index: index, body: UInt32(start - codeStart)..<UInt32(body.end - codeStart),
                    firstInstruction: UInt32(body.position - codeStart),
                    parameterCount: UInt32(parameters[typeIndex].count), locals: locals,
                    captured: ProbedFunction.capture(
                        required: request.requiredLocals[index] ?? [], locals: locals,
                        maximum: request.maximumCapturedLocals)))
        }
        self.functions = functions
        slotCount = functions.map(\.captured.count).max() ?? 0
        let (last, globalsOverflow) = layout.flagIndex.addingReportingOverflow(UInt32(4 + slotCount))
        guard !globalsOverflow, last < UInt32.max else { throw InstrumentationError(.tooManyGlobals, offset: 0) }
    }

    var armedGlobal: UInt32 { originalGlobalCount + 1 }
    var whereGlobal: UInt32 { originalGlobalCount + 2 }
    var steppingGlobal: UInt32 { originalGlobalCount + 3 }
    func slotGlobal(_ slot: Int) -> UInt32 { originalGlobalCount + 4 + UInt32(slot) }

    /// The global entries appended after the flag: armed, where, stepping, then the i64 slots.
    func appendGlobals(to content: inout [UInt8]) {
        for _ in 0..<3 { content.append(contentsOf: [0x7F, 0x01, 0x41, 0x00, 0x0B]) }  // (mut i32) 0
        for _ in 0..<slotCount { content.append(contentsOf: [0x7E, 0x01, 0x42, 0x00, 0x0B]) }
    }

    var addedGlobalCount: UInt32 { 3 + UInt32(slotCount) }

    /// The function section's entries appended: each twin's type, then the probe function's.
    var appendedFunctionTypes: [UInt8] {
        var entries: [UInt8] = []
        for type in typeIndices { LEB128.append(type, to: &entries) }
        LEB128.append(probeType, to: &entries)
        return entries
    }

    /// `global.get $stepping  if  local.get 0 … local.get N-1  call $twin  return  end`: the start
    /// of the original function at `ordinal`.
    func appendRedirect(ordinal: Int, to bytes: inout [UInt8]) {
        bytes.append(0x23)
        LEB128.append(steppingGlobal, to: &bytes)
        bytes.append(contentsOf: [0x04, 0x40])
        for parameter in 0..<functions[ordinal].parameterCount {
            bytes.append(0x20)
            LEB128.append(parameter, to: &bytes)
        }
        bytes.append(0x10)
        LEB128.append(firstTwin + UInt32(ordinal), to: &bytes)
        bytes.append(contentsOf: [0x0F, 0x0B])
    }

    /// The exports the host reads: the probe function, the twins, armed, where, stepping, the
    /// slots, every global of the module, and memory 0.
    var exports: [(name: [UInt8], kind: UInt8, index: UInt32)] {
        var exports: [(name: [UInt8], kind: UInt8, index: UInt32)] = [
            (Array((ProbeLayout.probePrefix + String(request.module)).utf8), 0x00, probeFunction),
            (Array(ProbeLayout.armedExport.utf8), 0x03, armedGlobal),
            (Array(ProbeLayout.whereExport.utf8), 0x03, whereGlobal),
            (Array(ProbeLayout.steppingExport.utf8), 0x03, steppingGlobal),
        ]
        for (ordinal, function) in functions.enumerated() {
            exports.append(
                (Array((ProbeLayout.twinPrefix + String(function.index)).utf8), 0x00, firstTwin + UInt32(ordinal)))
        }
        for slot in 0..<slotCount {
            exports.append((Array((ProbeLayout.slotPrefix + String(slot)).utf8), 0x03, slotGlobal(slot)))
        }
        for global in 0..<originalGlobalCount {
            exports.append((Array((ProbeLayout.globalPrefix + String(global)).utf8), 0x03, global))
        }
        if hasMemory { exports.append((Array(ProbeLayout.memoryExport.utf8), 0x02, 0)) }
        return exports
    }

    /// Where probes go in one body, for the scanner.
    func sites(for function: ProbedFunction) -> ProbeSites {
        ProbeSites(
            placement: request.placement, codeStart: codeStart, bodyStart: function.body.lowerBound,
            firstInstruction: function.firstInstruction)
    }

    /// The probe before the instruction at `offset` (a code offset) of `function`:
    ///
    ///     i32.const offset  global.set $where        ;; statements: always
    ///     global.get $armed
    ///     if
    ///       i32.const offset  global.set $where      ;; instructions: only when armed
    ///       local.get L  (to i64)  global.set $slot  ;; for each captured local
    ///       call $probe                              ;; WasmKit's interceptor reports it
    ///     end
    ///
    /// The sequence leaves the operand stack as it found it, so it is valid before any
    /// instruction, reachable or not.
    func appendProbe(at offset: UInt32, in function: ProbedFunction, to bytes: inout [UInt8]) {
        if case .statements = request.placement { appendWhere(offset, to: &bytes) }
        bytes.append(0x23)
        LEB128.append(armedGlobal, to: &bytes)
        bytes.append(contentsOf: [0x04, 0x40])
        if case .everyInstruction = request.placement { appendWhere(offset, to: &bytes) }
        for (slot, local) in function.captured.enumerated() {
            bytes.append(0x20)
            LEB128.append(local.index, to: &bytes)
            switch local.kind {
            case .i32: bytes.append(0xAD)  // i64.extend_i32_u
            case .f32: bytes.append(contentsOf: [0xBC, 0xAD])  // i32.reinterpret_f32, i64.extend_i32_u
            case .f64: bytes.append(0xBD)  // i64.reinterpret_f64
            case .i64, .v128, .reference: break
            }
            bytes.append(0x24)
            LEB128.append(slotGlobal(slot), to: &bytes)
        }
        bytes.append(0x10)
        LEB128.append(probeFunction, to: &bytes)
        bytes.append(0x0B)
    }

    private func appendWhere(_ offset: UInt32, to bytes: inout [UInt8]) {
        bytes.append(0x41)
        LEB128.appendSigned(Int64(Int32(bitPattern: offset)), to: &bytes)
        bytes.append(0x24)
        LEB128.append(whereGlobal, to: &bytes)
    }

    // MARK: - Reading

    /// The parameters of each function type. Only function types are modelled: a GC type section
    /// (rec groups, structs, arrays) is refused for probes.
    private static func readFunctionTypes(_ reader: inout ModuleByteReader) throws(InstrumentationError)
        -> [[WasmValueKind]]
    {
        let count = try reader.readVarUInt32("the type count")
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("types")) }
        var types: [[WasmValueKind]] = []
        types.reserveCapacity(Int(count))
        for _ in 0..<count {
            let formOffset = reader.offset
            guard try reader.readByte("a type form") == 0x60 else {
                throw InstrumentationError(.probesUnsupported("the module has GC types"), offset: formOffset)
            }
            let parameterCount = try reader.readVarUInt32("a parameter count")
            guard Int(parameterCount) <= reader.remaining else { throw reader.error(.truncated("parameters")) }
            var parameters: [WasmValueKind] = []
            for _ in 0..<parameterCount { parameters.append(try reader.readValueKind()) }
            let resultCount = try reader.readVarUInt32("a result count")
            guard Int(resultCount) <= reader.remaining else { throw reader.error(.truncated("results")) }
            for _ in 0..<resultCount { try reader.skipValueType() }
            types.append(parameters)
        }
        guard reader.isAtEnd else { throw reader.error(.sizeMismatch("type section")) }
        return types
    }

    /// A body's local declarations, leaving the reader at its first instruction.
    static func readLocals(_ body: inout ModuleByteReader) throws(InstrumentationError) -> [ProbedFunction.LocalRun] {
        let groups = try body.readVarUInt32("a local declaration count")
        guard Int(groups) <= body.remaining else { throw body.error(.truncated("local declarations")) }
        var runs: [ProbedFunction.LocalRun] = []
        for _ in 0..<groups {
            let count = try body.readVarUInt32("a local count")
            runs.append(ProbedFunction.LocalRun(count: count, kind: try body.readValueKind()))
        }
        return runs
    }

    private static func runs(_ kinds: [WasmValueKind]) -> [ProbedFunction.LocalRun] {
        var runs: [ProbedFunction.LocalRun] = []
        for kind in kinds {
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1] = ProbedFunction.LocalRun(count: last.count + 1, kind: kind)
            } else {
                runs.append(ProbedFunction.LocalRun(count: 1, kind: kind))
            }
        }
        return runs
    }
}
