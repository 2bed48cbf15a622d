/// What the instrumenter added to a module for debugging, for the host to find and read: the
/// probe sites, the functions' locals and the slots their probes fill, and the export names.
///
/// Everything added comes after what the module had, so no index of the module changes: the
/// functions' twins (which carry the probes), then the probe function, come after the module's
/// functions, its type after its types, and the globals `armed`, `where`, `stepping` and the
/// slots follow the interrupt flag (see `ProbePlan`).
package struct ProbeLayout: Sendable {
    package enum Kind: Sendable, Equatable {
        /// At statement boundaries; `where` is written at every one, armed or not, so a caller's
        /// statement is known when it calls.
        case statements
        /// Before every instruction; `where` is written only when armed.
        case instructions
    }

    package let kind: Kind
    /// Code offsets (of the original module) with a probe, ascending.
    package let sites: [UInt32]
    /// In code-section order, so by body offset.
    package let functions: [ProbedFunction]
    /// How many i64 slot globals the probes fill.
    package let slotCount: Int
    /// How many globals the module had (imported and defined): each is exported for the reader.
    package let globalCount: UInt32
    /// Whether memory 0 exists and is exported as `memoryExport`.
    package let exportsMemory: Bool

    /// The function whose body contains a code offset.
    package func function(containing offset: UInt32) -> ProbedFunction? {
        var low = 0
        var high = functions.count
        while low < high {
            let middle = (low + high) / 2
            if functions[middle].body.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, functions[low - 1].body.contains(offset) else { return nil }
        return functions[low - 1]
    }

    // MARK: - Export names

    /// Every name the instrumenter adds for debugging starts with this; a module's own export
    /// may not.
    package static let reservedPrefix = "wasmsh:"
    /// The empty function each probe calls (WasmKit's interceptor reports entering it), with
    /// the module's number: `wasmsh:probe:0`.
    package static let probePrefix = "wasmsh:probe:"
    /// i32: 1 while the probes should call the host.
    package static let armedExport = "wasmsh:armed"
    /// i32: the code offset of the last probe reached.
    package static let whereExport = "wasmsh:where"
    /// i32: 1 while functions run their twins (during a stepped call).
    package static let steppingExport = "wasmsh:stepping"
    /// A function's twin, by the function's index: `wasmsh:twin:5`.
    package static let twinPrefix = "wasmsh:twin:"
    package static let slotPrefix = "wasmsh:slot:"
    package static let globalPrefix = "wasmsh:global:"
    package static let memoryExport = "wasmsh:memory"
}
