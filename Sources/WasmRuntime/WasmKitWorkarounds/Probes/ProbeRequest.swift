/// The probes a core module of a component loaded for debugging gets: where they go, which
/// locals they pass (see `CoreModuleInstrumenter`).
package struct ProbeRequest: Sendable {
    package enum Placement: Sendable, Equatable {
        /// Before the instructions at these code offsets (DWARF's statement boundaries). An offset
        /// at the start of a function body (DWARF's low_pc: the local declarations) stands for
        /// the body's first instruction; one inside an instruction is ignored.
        case statements(Set<UInt32>)
        /// Before every instruction: instruction stepping where no DWARF gives lines.
        case everyInstruction
    }

    package var placement: Placement
    /// Locals passed before any other, by function index: those DWARF's variables are read from.
    package var requiredLocals: [UInt32: [UInt32]]
    /// How many locals a probe passes at most; the others cannot be shown at a pause.
    package var maximumCapturedLocals: Int
    /// The module's number in its component, in the probe function's export name.
    package var module: Int

    package init(
        placement: Placement, requiredLocals: [UInt32: [UInt32]] = [:], maximumCapturedLocals: Int, module: Int
    ) {
        self.placement = placement
        self.requiredLocals = requiredLocals
        self.maximumCapturedLocals = maximumCapturedLocals
        self.module = module
    }
}
