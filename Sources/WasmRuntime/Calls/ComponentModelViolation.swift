/// Guest code did what the Component Model forbids at the boundary, e.g. calling out of the
/// instance from `realloc` or a post-return function (wasmtime traps the same way). It traps.
public struct ComponentModelViolation: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}
