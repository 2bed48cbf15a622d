/// One entry of a location list: where the variable is while the code offset is in `range`.
public struct LocationListEntry: Sendable {
    /// nil for DWARF 5's default location (used where no other entry applies).
    public let range: Range<CodeOffset>?
    public let expression: LocationExpression
}
