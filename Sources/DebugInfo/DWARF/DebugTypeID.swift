/// A type, named by its DIE's offset in .debug_info.
public struct DebugTypeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let offset: UInt64

    public init(offset: UInt64) {
        self.offset = offset
    }

    public static func < (lhs: DebugTypeID, rhs: DebugTypeID) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "type@0x" + String(offset, radix: 16) }
}
