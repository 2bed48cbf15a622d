/// The kinds of access a path scope allows or a path request needs.
public struct PathAccess: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let read = PathAccess(rawValue: 1)
    public static let write = PathAccess(rawValue: 2)
    public static let readWrite: PathAccess = [.read, .write]

    /// `read`, `write`, `read+write`, or `none`.
    public var description: String {
        switch (contains(.read), contains(.write)) {
        case (true, true): return "read+write"
        case (true, false): return "read"
        case (false, true): return "write"
        case (false, false): return "none"
        }
    }
}
