import Capabilities

/// Stream operations of one call, summed up per component, stream and decision for the terminal:
/// `stdout: 3 writes, 41 B` instead of three audit lines for each printed line. The audit log
/// keeps every call; this is only how the terminal shows them.
struct TrafficSummary {
    private struct Key: Hashable {
        let component: String
        let channel: String
        let verdict: AuditDecision.Verdict
    }

    private struct Tally {
        var calls = 0
        var reads = 0
        var writes = 0
        var bytesRead: UInt64 = 0
        var bytesWritten: UInt64 = 0
        /// The first event's decision (a refusal's hint says what to grant).
        var decision: AuditDecision
    }

    private var order: [Key] = []
    private var tallies: [Key: Tally] = [:]

    var isEmpty: Bool { order.isEmpty }

    mutating func add(_ event: AuditEvent, _ traffic: StreamTraffic) {
        let key = Key(component: event.component, channel: traffic.channel, verdict: event.decision.verdict)
        if tallies[key] == nil {
            order.append(key)
            tallies[key] = Tally(decision: event.decision)
        }
        tallies[key]?.calls += 1
        switch traffic.direction {
        case .read:
            tallies[key]?.reads += 1
            tallies[key]?.bytesRead += traffic.bytes
        case .write:
            tallies[key]?.writes += 1
            tallies[key]?.bytesWritten += traffic.bytes
        case .other:
            break
        }
    }

    /// One line per stream and decision, in the order they were first used; then empty.
    mutating func lines(_ formatter: AuditLineFormatter) -> [String] {
        defer {
            order.removeAll()
            tallies.removeAll()
        }
        return order.compactMap { key in
            tallies[key].map {
                formatter.line(summarizing: Self.text(key, $0), of: key.component, decision: $0.decision)
            }
        }
    }

    private static func text(_ key: Key, _ tally: Tally) -> String {
        let refused = key.verdict == .denied
        var parts: [String] = []
        if tally.writes > 0 {
            parts.append(
                count(tally.writes, "write") + (refused ? " dropped" : "") + ", " + bytes(tally.bytesWritten))
        }
        if tally.reads > 0 {
            parts.append(count(tally.reads, "read") + (refused ? " refused" : "") + ", " + bytes(tally.bytesRead))
        }
        var text = "\(key.channel): " + (parts.isEmpty ? count(tally.calls, "call") : parts.joined(separator: "; "))
        if !parts.isEmpty, tally.calls > tally.reads + tally.writes { text += " (\(count(tally.calls, "call")))" }
        return text
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `41 B`, `12.5 KiB`, `3.0 MiB`.
    static func bytes(_ count: UInt64) -> String {
        switch count {
        case ..<1024: return "\(count) B"
        case ..<(1 << 20): return tenths(count, 1024) + " KiB"
        default: return tenths(count, 1 << 20) + " MiB"
        }
    }

    private static func tenths(_ count: UInt64, _ unit: UInt64) -> String {
        let tenths = (count * 10 + unit / 2) / unit
        return "\(tenths / 10).\(tenths % 10)"
    }
}
