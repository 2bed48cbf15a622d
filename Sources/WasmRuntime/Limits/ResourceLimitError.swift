/// A guest asked for more memory or table space than its `ComponentLimits` allow.
public struct ResourceLimitError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }

    /// `256 MiB`, `1.5 GiB`, `4096 bytes`.
    static func bytes(_ count: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where count >= size {
            let whole = count / size
            let tenths = (count % size) * 10 / size
            return tenths == 0 ? "\(whole) \(unit)" : "\(whole).\(tenths) \(unit)"
        }
        return "\(count) bytes"
    }
}
