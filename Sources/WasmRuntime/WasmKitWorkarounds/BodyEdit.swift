import WasmComponent

/// One change the instrumenter makes inside a function body, at a byte position of the module.
enum BodyEdit {
    /// Insert `global.get $flag; br_if trapLabel` here (the start of a loop body).
    case check(at: Int, trapLabel: UInt32)
    /// Replace the LEB128 label index at `range`: a branch to the function's own label must skip
    /// the block the instrumenter wraps around the body.
    case relabel(range: Range<Int>, label: UInt32)
    /// Insert a debugging probe here, before the instruction at code offset `codeOffset`.
    case probe(at: Int, codeOffset: UInt32)
}
