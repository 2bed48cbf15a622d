/// Where a variable lives, as the DWARF says (before anything is evaluated).
public enum LocationDescription: Sendable {
    /// One expression valid wherever the variable is in scope.
    case expression(LocationExpression)
    /// Different expressions for different code ranges (optimized code).
    case list([LocationListEntry])
    /// DW_AT_const_value: the value itself, little-endian; integers as 8 bytes (sign-extended
    /// when the DWARF wrote them signed), to be cut to the type's size.
    case constant([UInt8])
    /// No location: the compiler optimized the variable away.
    case unavailable

    /// The expression that applies at `offset`, if any.
    public func expression(at offset: CodeOffset) -> LocationExpression? {
        switch self {
        case .expression(let expression):
            return expression
        case .list(let entries):
            if let entry = entries.first(where: { $0.range?.contains(offset) ?? false }) { return entry.expression }
            return entries.first { $0.range == nil }?.expression
        case .constant, .unavailable:
            return nil
        }
    }
}
