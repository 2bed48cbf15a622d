/// The error that ends a stepped call the user aborted.
public struct StepAborted: Error, CustomStringConvertible, Sendable {
    /// Where: `before host call #2`, `entering malicious_run`.
    public var place: String

    public init(_ place: String) { self.place = place }

    public var description: String { "call aborted by the user \(place)" }
}
