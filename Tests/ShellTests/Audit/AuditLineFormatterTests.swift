import Capabilities
import Testing

@testable import Shell

@Suite("Audit terminal lines")
struct AuditLineFormatterTests {
    static let allowed = AuditDecision(
        verdict: .allowed, authority: .policy, reason: nil, basis: "grant filesystem read ./demo.txt")
    static let denied = AuditDecision(
        verdict: .denied, authority: .policy, reason: "missing-capability", basis: "no filesystem capability")

    static func event(
        _ component: String, args: String, decision: AuditDecision, outcome: AuditOutcome?, duration: UInt64?
    ) -> AuditEvent {
        AuditEvent(
            sequence: 1, time: WallClockTime(nanosecondsSinceEpoch: 0), component: component,
            interface: "sandbox:skill/filesystem@0.1.0", function: "read-file", arguments: AuditText(args),
            decision: decision, outcome: outcome, durationNanoseconds: duration)
    }

    @Test("one aligned line per event")
    func lines() {
        let formatter = AuditLineFormatter(componentWidth: 10, argumentsWidth: 40, resultWidth: 10)
        let allowed = Self.event(
            "trusted", args: "\"./demo.txt\"", decision: Self.allowed,
            outcome: .returned("ok(\"Hello from the sandbox!\")"), duration: 215_400)
        let denied = Self.event(
            "malicious", args: "\"/etc/passwd\"", decision: Self.denied,
            outcome: .returned("err(\"Permission denied: ...\")"), duration: 900)
        #expect(
            formatter.line(for: allowed)
                == "[ALLOWED] trusted     filesystem.read-file(\"./demo.txt\") -> ok(\"Hello…\")  215 µs")
        #expect(
            formatter.line(for: denied)
                == "[DENIED]  malicious   filesystem.read-file(\"/etc/passwd\")  no filesystem capability")
    }

    @Test("user and watch decisions, failures and calls in progress")
    func otherShapes() {
        let formatter = AuditLineFormatter(componentWidth: 4)
        let once = AuditDecision(verdict: .allowed, authority: .user, reason: nil, basis: "allowed once in the stepper")
        let watch = AuditDecision(
            verdict: .allowed, authority: .watch, reason: "missing-capability", basis: "no filesystem capability")
        #expect(
            formatter.line(
                for: Self.event(
                    "app", args: "\"x\"", decision: once, outcome: .failed("trap: unreachable\n"), duration: 3_100))
                == "[ALLOWED once] app   filesystem.read-file(\"x\") -> failed: trap: unreachable\\n  3.1 µs")
        #expect(
            formatter.line(
                for: Self.event(
                    "app", args: "\"x\"", decision: watch, outcome: .returned("ok(\"\")"), duration: 12_345_678))
                == "[WOULD DENY] app   filesystem.read-file(\"x\") -> ok(\"\")  no filesystem capability  12.3 ms")
        #expect(
            formatter.line(
                for: Self.event("app", args: "", decision: Self.allowed, outcome: nil, duration: nil))
                == "[ALLOWED] app   filesystem.read-file() -> …")
    }

    @Test("colours wrap the tag when asked")
    func colors() {
        let formatter = AuditLineFormatter(componentWidth: 1, style: .ansi)
        let line = formatter.line(
            for: Self.event("a", args: "", decision: Self.denied, outcome: nil, duration: nil))
        #expect(
            line == "\u{1B}[31m[DENIED] \u{1B}[0m a  filesystem.read-file()  \u{1B}[2mno filesystem capability\u{1B}[0m"
        )
    }

    @Test(
        "WAVE-aware truncation",
        arguments: [
            ("ok(\"Hello from the sandbox!\")", 10, "ok(\"Hello…\")"),
            ("short", 10, "short"),
            ("[1, 2, 3, 4, 5, 6]", 7, "[1, 2, …]"),
            ("{a: [\"xyz\", \"uvw\"]}", 9, "{a: [\"xyz…\"]}"),
            ("\"a\\nbcdef\"", 4, "\"a\\n…\""),
            ("\"a\\nbcdef\"", 3, "\"a…\""),
            ("\"\\u{1f600}abc\"", 5, "\"…\""),
            ("'x' 'y' 'z'", 5, "'x' '…'"),
        ])
    func truncation(text: String, limit: Int, expected: String) {
        #expect(DisplayTruncation.truncate(text, toCharacters: limit) == expected)
    }

    @Test(
        "durations in readable units",
        arguments: [
            (UInt64(850), "850 ns"), (3_149, "3.1 µs"), (215_400, "215 µs"), (999_999, "1000 µs"),
            (12_345_678, "12.3 ms"), (1_250_000_000, "1.25 s"), (UInt64.max, "18446744073.71 s"),
        ])
    func durations(nanoseconds: UInt64, text: String) {
        #expect(AuditLineFormatter.duration(nanoseconds) == text)
    }

    @Test("a line sink prints finished events only")
    func lineSink() throws {
        final class Collected: @unchecked Sendable {
            var lines: [String] = []
        }
        let collected = Collected()
        let log = AuditLog(sinks: [
            LineAuditSink(formatter: AuditLineFormatter(componentWidth: 3)) { collected.lines.append($0) }
        ])
        let event = try log.begin(
            component: "app", interface: "logger", function: "log", arguments: "\"hi\"", decision: Self.denied)
        #expect(collected.lines.isEmpty)
        try log.finish(event, outcome: .returned(""))
        #expect(collected.lines == ["[DENIED]  app  logger.log(\"hi\")  no filesystem capability"])
    }
}
