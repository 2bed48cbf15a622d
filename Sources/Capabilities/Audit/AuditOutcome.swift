/// What a host call gave back to the guest.
public enum AuditOutcome: Hashable, Sendable {
    /// The value the guest received, as WAVE text (`ok("Hello")`, `err("Permission denied: ...")`),
    /// empty for a function without a result.
    case returned(AuditText)
    /// The call did not return a value: a trap or a host failure, with its message.
    case failed(AuditText)
}
