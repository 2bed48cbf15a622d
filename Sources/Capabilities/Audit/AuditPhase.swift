/// The two moments of a host call the audit log records.
public enum AuditPhase: String, Hashable, Sendable {
    /// The decision is made; recorded (and flushed) before the host does any work.
    case decided
    /// The host work is over (or was skipped for a denial); the outcome and duration are known.
    case finished
}
