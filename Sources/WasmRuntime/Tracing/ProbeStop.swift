import DebugInfo

/// Where a probe stopped a stepped call: before a statement (modules with DWARF) or before an
/// instruction (modules without).
public struct ProbeStop: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case statement
        case instruction
    }

    public let kind: Kind
    /// The function the probe is in.
    public let function: CoreFunctionName
    /// The instruction's offset in the ORIGINAL module's Code section, as DWARF addresses it.
    public let offset: CodeOffset
    /// The frame it fired in (`WasmFrame.serial`): tells a recursion's frames apart.
    public let frame: Int
    /// Which instance fired it (an index of the tracer's probe instances).
    let instance: Int

    package init(kind: Kind, function: CoreFunctionName, offset: CodeOffset, frame: Int, instance: Int) {
        self.kind = kind
        self.function = function
        self.offset = offset
        self.frame = frame
        self.instance = instance
    }
}
