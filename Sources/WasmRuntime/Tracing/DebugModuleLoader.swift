import DebugInfo

/// Instruments a core module of a component loaded for debugging: reads its DWARF, plants the
/// probes the stepper needs (statement boundaries where DWARF gives them, every instruction
/// where it does not), and describes the module for the stepper.
enum DebugModuleLoader {
    /// Locals a statement probe passes at most: DWARF's own first, then the function's in order.
    static let statementCaptureLimit = 32
    /// Instruction probes are many: each passes fewer locals, to bound the code they add.
    static let instructionCaptureLimit = 8
    /// A module larger than this gets no instruction probes (its twins would grow some tenfold
    /// over its code): it can still be stepped by function.
    static let instructionProbeModuleLimit = 2 << 20

    /// The instrumented bytes and the module's description. Throws only when the module cannot
    /// be instrumented at all (the caller then runs it as it is).
    static func instrument(_ bytes: ArraySlice<UInt8>, number: Int, functionExportPrefix: String)
        throws(InstrumentationError) -> (code: [UInt8], module: DebugModule)
    {
        var notes: [String] = []
        var debugInfo: DWARFDebugInfo?
        if DWARFDebugInfo.hasDebugInfo(module: bytes) {
            do {
                debugInfo = try DWARFDebugInfo(module: bytes)
            } catch {
                notes.append("its DWARF cannot be read (\(error))")
            }
        }
        let request = probeRequest(bytes, number: number, debugInfo: debugInfo, notes: &notes)
        do {
            let (code, layout) = try CoreModuleInstrumenter(
                functionExportPrefix: functionExportPrefix, probes: request
            ).instrumentWithProbes(bytes)
            return (
                code,
                DebugModule(number: number, bytes: Array(bytes), debugInfo: debugInfo, probes: layout, notes: notes)
            )
        } catch {
            guard request != nil else { throw error }
            // Probes are what failed: the module still gets its interrupt checks.
            notes.append("it cannot take probes (\(error))")
            let code = try CoreModuleInstrumenter(functionExportPrefix: functionExportPrefix).instrument(bytes)
            return (
                code, DebugModule(number: number, bytes: Array(bytes), debugInfo: debugInfo, probes: nil, notes: notes)
            )
        }
    }

    /// Statement probes from DWARF's line table, passing the locals its variables live in;
    /// else instruction probes, if the module is small enough.
    private static func probeRequest(
        _ bytes: ArraySlice<UInt8>, number: Int, debugInfo: DWARFDebugInfo?, notes: inout [String]
    ) -> ProbeRequest? {
        if let debugInfo, !debugInfo.statements.isEmpty {
            var required: [UInt32: [UInt32]] = [:]
            for function in debugInfo.functions {
                guard let entry = function.entry,
                    let index = debugInfo.codeSection.body(containing: entry)?.functionIndex
                else { continue }
                required[index, default: []] += debugInfo.wasmLocals(readBy: function)
            }
            return ProbeRequest(
                placement: .statements(Set(debugInfo.statements.map(\.address.value))), requiredLocals: required,
                maximumCapturedLocals: statementCaptureLimit, module: number)
        }
        guard bytes.count <= instructionProbeModuleLimit else {
            notes.append("it is too large for instruction probes (\(bytes.count) bytes)")
            return nil
        }
        return ProbeRequest(
            placement: .everyInstruction, maximumCapturedLocals: instructionCaptureLimit, module: number)
    }
}
