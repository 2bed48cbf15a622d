/// An audit record could not be written.
public struct AuditError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "audit log: \(message)" }
}
