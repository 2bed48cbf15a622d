import DebugInfo

/// A core module of a component loaded for debugging: its DWARF, if it carries any, and how
/// the stepper can stop in it.
public struct DebugModule: Sendable {
    public enum Stepping: Sendable, Equatable {
        /// At source lines: DWARF gave statement boundaries, and each has a probe.
        case lines
        /// Before every instruction: no DWARF, a probe before each instruction.
        case instructions
        /// At function entries and exits only: no probes (see `notes`).
        case functions
    }

    /// The module's number in the component, in instantiation order (`CoreFunctionName.module`).
    public let number: Int
    /// Its DWARF, read from the module's original bytes; nil when it has none or it is unreadable.
    public let debugInfo: DWARFDebugInfo?
    public let stepping: Stepping
    /// What the load says about it: why there is no DWARF or no probes.
    public let notes: [String]
    /// The module's bytes as embedded in the component (what DWARF and probe offsets address).
    package let bytes: [UInt8]
    package let probes: ProbeLayout?
    private let printer: InstructionPrinter?

    package init(number: Int, bytes: [UInt8], debugInfo: DWARFDebugInfo?, probes: ProbeLayout?, notes: [String]) {
        self.number = number
        self.bytes = bytes
        self.debugInfo = debugInfo
        self.probes = probes
        self.notes = notes
        switch probes?.kind {
        case .statements?: stepping = .lines
        case .instructions?: stepping = .instructions
        case nil: stepping = .functions
        }
        printer = InstructionPrinter(module: bytes)
    }

    /// The instruction at a code offset as `wasm-tools print` writes it (`local.get 0`,
    /// `call $square`, `br_if 1 (;@1;)`), or nil when no instruction starts there.
    public func instruction(at offset: CodeOffset) -> String? {
        printer?.instruction(at: offset.value)
    }

    /// The instructions around a code offset in its function (`before` of them, the one there,
    /// `after`), each with its offset and its nesting depth, for `list` where there is no source.
    public func instructions(around offset: CodeOffset, before: Int, after: Int)
        -> [(offset: CodeOffset, depth: Int, text: String)]
    {
        let all = printer?.instructions(inFunctionContaining: offset.value, limit: Self.listedInstructionLimit) ?? []
        guard let index = all.firstIndex(where: { $0.offset == offset.value }) else { return [] }
        return all[max(0, index - before)...min(all.count - 1, index + after)].map {
            (CodeOffset($0.offset), $0.depth, $0.text)
        }
    }

    /// A function is decoded at most this far for `list`.
    static let listedInstructionLimit = 100_000

    /// Code offsets where the module has probes (statement boundaries or instructions).
    public var probeSites: [CodeOffset] { probes?.sites.map(CodeOffset.init) ?? [] }
}
