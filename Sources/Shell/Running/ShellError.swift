/// A command that failed, with the message the user sees after `Error: `.
public struct ShellError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
