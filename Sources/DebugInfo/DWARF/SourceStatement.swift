/// A statement boundary: an address where a line-table row starts a statement (is_stmt), and
/// the source location that address maps to. Probes for line stepping go at these addresses.
public struct SourceStatement: Hashable, Sendable {
    public let address: CodeOffset
    public let location: SourceLocation
}
