import Capabilities
import TerminalUI

/// The one-line terminal form of an audit event, aligned across events:
///
///     [ALLOWED] trusted    filesystem.read-file("./demo.txt") -> ok("Hello…")  215 µs
///     [DENIED]  malicious  filesystem.read-file("/etc/passwd")  no filesystem capability
///
/// Arguments and results are shortened for display only (`DisplayTruncation`).
public struct AuditLineFormatter: Sendable {
    /// Component names are padded to this width (longer names push the line).
    public var componentWidth: Int
    public var argumentsWidth: Int
    public var resultWidth: Int
    /// Green allowed, red denied, yellow for user and watch decisions, the basis dimmed; plain
    /// when the terminal shows no colours.
    public var style: Style

    public init(componentWidth: Int = 10, argumentsWidth: Int = 40, resultWidth: Int = 40, style: Style = .plain) {
        self.componentWidth = componentWidth
        self.argumentsWidth = argumentsWidth
        self.resultWidth = resultWidth
        self.style = style
    }

    public func line(for event: AuditEvent) -> String {
        let tag = Self.tag(for: event.decision)
        var line = style(Self.role(for: event.decision), Self.padded(tag, to: 9))
        line += " " + Self.padded(DisplayTruncation.sanitized(event.component), to: componentWidth)
        line += "  " + DisplayTruncation.sanitized("\(event.interfaceShortName).\(event.function)")
        line += "(" + DisplayTruncation.truncate(event.arguments.preview, toCharacters: argumentsWidth) + ")"
        let showsOutcome = event.decision.verdict == .allowed
        if showsOutcome {
            switch event.outcome {
            case .returned(let value)?:
                if !value.preview.isEmpty {
                    line += " -> " + DisplayTruncation.truncate(value.preview, toCharacters: resultWidth)
                }
            case .failed(let message)?:
                line += " -> failed: " + DisplayTruncation.truncate(message.preview, toCharacters: resultWidth)
            case nil:
                line += " -> …"
            }
        }
        if event.decision.verdict == .denied || event.decision.authority == .watch {
            line += "  " + style(.dim, DisplayTruncation.sanitized(event.decision.basis))
        }
        if showsOutcome, let duration = event.durationNanoseconds {
            line += "  " + Self.duration(duration)
        }
        return line
    }

    /// A line that stands for several calls (`TrafficSummary`): the decision's tag, the
    /// component, the summary and, for a refusal, why.
    func line(summarizing summary: String, of component: String, decision: AuditDecision) -> String {
        var line = style(Self.role(for: decision), Self.padded(Self.tag(for: decision), to: 9))
        line += " " + Self.padded(DisplayTruncation.sanitized(component), to: componentWidth)
        line += "  " + DisplayTruncation.sanitized(summary)
        if decision.verdict == .denied { line += "  " + style(.dim, DisplayTruncation.sanitized(decision.basis)) }
        return line
    }

    static func tag(for decision: AuditDecision) -> String {
        switch (decision.verdict, decision.authority) {
        case (.allowed, .policy): return "[ALLOWED]"
        case (.denied, .policy): return "[DENIED]"
        case (.allowed, .user): return "[ALLOWED once]"
        case (.denied, .user): return "[DENIED once]"
        case (_, .watch): return decision.reason == nil ? "[ALLOWED]" : "[WOULD DENY]"
        }
    }

    static func role(for decision: AuditDecision) -> Style.Role {
        if decision.authority != .policy { return .caution }
        return decision.verdict == .allowed ? .allowed : .denied
    }

    static func padded(_ text: String, to width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    /// `850 ns`, `3.1 µs`, `215 µs`, `12.3 ms`, `1.25 s`.
    static func duration(_ nanoseconds: UInt64) -> String {
        switch nanoseconds {
        case ..<1_000: return "\(nanoseconds) ns"
        case ..<10_000: return decimal(nanoseconds, unit: 1_000, places: 1) + " µs"
        case ..<1_000_000: return "\((nanoseconds + 500) / 1_000) µs"
        case ..<1_000_000_000: return decimal(nanoseconds, unit: 1_000_000, places: 1) + " ms"
        default: return decimal(nanoseconds, unit: 1_000_000_000, places: 2) + " s"
        }
    }

    private static func decimal(_ value: UInt64, unit: UInt64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let step = unit / scale
        let scaled = value / step + (value % step * 2 >= step ? 1 : 0)
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
