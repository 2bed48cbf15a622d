/// What one host call moved on a stream the guest holds: which stream (`stdout`, a file's path,
/// a peer's address), which way and how many bytes. The terminal's audit lines sum these up per
/// call (`stdout: 3 writes, 41 B`) where the audit log keeps every call.
public struct StreamTraffic: Hashable, Sendable {
    public enum Direction: String, Sendable, CaseIterable {
        /// Bytes the guest read.
        case read
        /// Bytes the guest wrote (or tried to: a refused write moved nothing).
        case write
        /// An operation that moves no bytes (asking how much may be written, a flush, subscribing).
        case other
    }

    /// The stream as the user knows it: `stdout`, `stdin`, `./data/a.txt`, `tcp 127.0.0.1:8080`.
    public let channel: String
    public let direction: Direction
    public let bytes: UInt64

    public init(channel: String, direction: Direction, bytes: UInt64) {
        self.channel = channel
        self.direction = direction
        self.bytes = bytes
    }
}
