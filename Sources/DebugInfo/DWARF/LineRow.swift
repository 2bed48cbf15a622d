/// One row of a line table: the state of the line-number machine when a row was emitted.
public struct LineRow: Hashable, Sendable {
    public let address: CodeOffset
    /// The file's number in its line table (from 1 in DWARF 4, from 0 in DWARF 5).
    public let file: UInt64
    /// 0 for code attributed to no source line.
    public let line: Int
    public let column: Int
    /// A recommended breakpoint location (the start of a statement).
    public let isStatement: Bool
    public let isBasicBlock: Bool
    /// The first address past a sequence of rows; the row itself names no code.
    public let isEndSequence: Bool
    /// Where a breakpoint at the function's entry should go (after the frame setup).
    public let isPrologueEnd: Bool
    public let isEpilogueBegin: Bool
    public let isa: UInt64
    public let discriminator: UInt64
}
