/// A scope of a function: the function's own body, a lexical block (`{ ... }` with its own
/// variables) or an inlined call. A variable is visible only where its scope's ranges cover
/// the code offset.
public struct DebugScope: Sendable {
    public enum Kind: Sendable {
        case function
        case lexicalBlock
        case inlinedCall(InlinedCall)
    }

    public let kind: Kind
    /// Empty for a lexical block the DWARF gives no ranges: it covers what its parent covers.
    public let ranges: [Range<CodeOffset>]
    /// Parameters and variables declared directly in this scope, in DWARF order.
    public let variables: [DebugVariable]
    public let children: [DebugScope]
    /// The DIE's offset in .debug_info.
    public let offset: UInt64

    /// Whether this scope covers `offset` (given that its parent does).
    public func covers(_ offset: CodeOffset) -> Bool {
        if ranges.isEmpty {
            if case .lexicalBlock = kind { return true }
            return false
        }
        return ranges.contains { $0.contains(offset) }
    }
}
