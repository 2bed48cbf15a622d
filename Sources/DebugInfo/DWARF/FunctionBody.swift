/// One function body of the Code section.
public struct FunctionBody: Hashable, Sendable {
    /// Its place among the module's function bodies, from 0.
    public let ordinal: Int
    /// The function's index in the module (imported functions count first); nil when the
    /// import section could not be read.
    public let functionIndex: UInt32?
    /// From the first byte of the local declarations to the end of the body (its final `end`
    /// opcode included). `range.lowerBound` is what DWARF gives as the function's `low_pc`,
    /// and what the first line-table row of the function names.
    public let range: Range<CodeOffset>
    /// The first instruction, after the local declarations.
    public let firstInstruction: CodeOffset
}
