/// A component that could not be loaded or a call that could not be made, with a message the
/// user can act on.
public struct LoadError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
