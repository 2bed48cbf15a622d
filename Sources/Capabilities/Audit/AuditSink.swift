/// Somewhere audit records go. `AuditLog` calls sinks one record at a time, in sequence order,
/// never concurrently with itself.
public protocol AuditSink: AnyObject, Sendable {
    /// Records one phase of an event. Throwing from the `decided` phase stops the host call:
    /// a call whose decision cannot be recorded does not run.
    func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError)
    /// Pushes out anything buffered.
    func flush() throws(AuditError)
}
