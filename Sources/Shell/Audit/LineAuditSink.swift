import Capabilities
import Synchronization

/// Prints each finished event as one `AuditLineFormatter` line through `emit` (the shell's
/// output, stderr for `invoke`, ...).
///
/// With `summarizingTraffic`, operations on streams that the policy decided are not printed one
/// by one but summed up (`TrafficSummary`) until `flushTraffic`, which the shell calls when a
/// call ends; calls the user or watch mode decided are always printed.
public final class LineAuditSink: AuditSink {
    public let formatter: AuditLineFormatter
    private let emit: @Sendable (String) -> Void
    private let summarizesTraffic: Bool
    private let summary = Mutex(TrafficSummary())

    public init(
        formatter: AuditLineFormatter = AuditLineFormatter(), summarizingTraffic: Bool = false,
        emit: @escaping @Sendable (String) -> Void
    ) {
        self.formatter = formatter
        self.emit = emit
        summarizesTraffic = summarizingTraffic
    }

    public func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError) {
        guard phase == .finished else { return }
        if summarizesTraffic, let traffic = event.traffic, event.decision.authority == .policy {
            summary.withLock { $0.add(event, traffic) }
            return
        }
        emit(formatter.line(for: event))
    }

    /// Prints the summary of the stream operations since the last flush.
    public func flushTraffic() {
        guard summarizesTraffic, let lines = summary.withLock({ $0.isEmpty ? nil : $0.lines(formatter) }) else {
            return
        }
        for line in lines { emit(line) }
    }

    public func flush() throws(AuditError) {}
}
