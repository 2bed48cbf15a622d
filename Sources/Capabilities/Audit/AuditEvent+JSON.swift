extension AuditEvent {
    /// The event as one JSONL record of the audit schema: `finished` when it has an outcome,
    /// `decided` otherwise. What `audit --json` prints.
    public var jsonLine: String {
        let builder = JSONLineBuilder()
        JSONLinesAuditSink.encode(self, phase: outcome == nil ? .decided : .finished, into: builder)
        return String(decoding: builder.bytes, as: UTF8.self).trimmingTrailingNewline()
    }
}

extension String {
    fileprivate func trimmingTrailingNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
