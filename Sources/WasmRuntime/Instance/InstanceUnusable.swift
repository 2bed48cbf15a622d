/// A call refused because the instance may not be entered again: it trapped, was interrupted or
/// was aborted mid-call, which the Component Model does not let an instance recover from.
public struct InstanceUnusable: Error, CustomStringConvertible, Sendable, Equatable {
    /// The component's name.
    public let component: String
    /// What happened to it: `it trapped (integer divide by zero)`.
    public let reason: String

    public var description: String { "\(component) cannot be called: \(reason)" }
}
