import Capabilities

/// Prints each finished event as one `AuditLineFormatter` line through `emit` (the shell's
/// output, stderr for `invoke`, ...).
public final class LineAuditSink: AuditSink {
    public let formatter: AuditLineFormatter
    private let emit: @Sendable (String) -> Void

    public init(formatter: AuditLineFormatter = AuditLineFormatter(), emit: @escaping @Sendable (String) -> Void) {
        self.formatter = formatter
        self.emit = emit
    }

    public func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError) {
        if phase == .finished { emit(formatter.line(for: event)) }
    }

    public func flush() throws(AuditError) {}
}
