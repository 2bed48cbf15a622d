/// A call the compiler inlined: which function, and where it was called from.
public struct InlinedCall: Sendable {
    /// The inlined function's name (from its abstract origin).
    public let functionName: String?
    /// The abstract origin's DIE offset (the inlined function's description).
    public let origin: UInt64?
    /// DW_AT_call_file/line/column: the call site in the caller.
    public let callFile: String?
    public let callLine: Int
    public let callColumn: Int
}
