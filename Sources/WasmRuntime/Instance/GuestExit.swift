/// The guest asked to end (WASI's `exit`): the call ends with this status, and the instance,
/// left mid-call, cannot be entered again.
public struct GuestExit: Error, CustomStringConvertible, Sendable, Equatable {
    public let status: Int32

    public init(status: Int32) { self.status = status }

    public var description: String { "the component exited with status \(status)" }
}
