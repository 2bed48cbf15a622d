/// A call stopped from outside: Ctrl-C, or its time limit.
public struct GuestInterrupted: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public var description: String { "interrupted: \(reason)" }
}
