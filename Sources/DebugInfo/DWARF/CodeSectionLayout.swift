/// Where a core module's Code section is, and its function bodies: what turns DWARF's code
/// offsets into module offsets and back.
public struct CodeSectionLayout: Hashable, Sendable {
    /// The first byte of the Code section's payload (its function count), as a module offset.
    /// DWARF's address 0 is this byte.
    public let payloadStart: ModuleOffset
    /// The payload's size in bytes.
    public let payloadSize: UInt32
    /// How many functions the module imports; nil when its import section could not be read.
    public let importedFunctionCount: UInt32?
    /// In the order of the Code section.
    public let functionBodies: [FunctionBody]

    /// The module offset of a code offset; nil past the end of the payload.
    public func moduleOffset(of offset: CodeOffset) -> ModuleOffset? {
        guard offset.value <= payloadSize else { return nil }
        let (sum, overflow) = payloadStart.value.addingReportingOverflow(offset.value)
        return overflow ? nil : ModuleOffset(sum)
    }

    /// The code offset of a module offset; nil outside the Code section's payload.
    public func codeOffset(of offset: ModuleOffset) -> CodeOffset? {
        guard offset.value >= payloadStart.value, offset.value - payloadStart.value <= payloadSize else { return nil }
        return CodeOffset(offset.value - payloadStart.value)
    }

    /// The function body containing a code offset.
    public func body(containing offset: CodeOffset) -> FunctionBody? {
        // Bodies are in ascending order: binary search for the last one starting at or before.
        var low = 0
        var high = functionBodies.count
        while low < high {
            let middle = (low + high) / 2
            if functionBodies[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, functionBodies[low - 1].range.contains(offset) else { return nil }
        return functionBodies[low - 1]
    }
}
