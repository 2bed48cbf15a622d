/// One source-level frame at a code offset: the function, or a call inlined into it. At an
/// offset inside inlined code there are several, innermost first.
public struct SourceFrame: Sendable {
    /// The function's name (for an inlined call, the inlined function's).
    public let functionName: String?
    /// The innermost frame's location comes from the line table; an outer frame's is the call
    /// site of the inlined call inside it.
    public let location: SourceLocation?
    /// The concrete function the code belongs to.
    public let function: DebugFunction
    /// Set when this frame is an inlined call.
    public let inlinedCall: InlinedCall?
    /// The variables visible here: parameters and locals of this frame whose scope covers the
    /// offset, outer scopes first, a variable shadowed by an inner one of the same name left out.
    public let variables: [DebugVariable]
}
