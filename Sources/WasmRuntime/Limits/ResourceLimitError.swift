/// A guest asked for more than its `ComponentLimits` allow: memory, table space, host memory for
/// lifted values, or resource handles.
public struct ResourceLimitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Which of the limits was reached.
    public enum Limit: Sendable, Equatable {
        case memory, table, lift, handles
    }

    public let limit: Limit
    public var description: String

    init(_ limit: Limit, _ description: String) {
        self.limit = limit
        self.description = description
    }

    /// `256 MiB`, `6.375 MiB`, `4096 bytes`: exact, with at most three decimals, else in bytes
    /// (`268500992 bytes`), so that a size just over a limit never reads as the limit.
    static func bytes(_ count: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where count >= size {
            let whole = count / size
            let remainder = count % size
            if remainder == 0 { return "\(whole) \(unit)" }
            guard remainder * 1000 % size == 0 else { break }
            var decimals = String(remainder * 1000 / size)
            decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
            while decimals.hasSuffix("0") { decimals.removeLast() }
            return "\(whole).\(decimals) \(unit)"
        }
        return "\(count) bytes"
    }
}
