import Capabilities
import WasmRuntime

enum AuditCommand: ShellCommand {
    static let name = "audit"
    static let usage =
        "audit [--component C] [--denied] [--function F] [--last N] [--json] | audit log FILE | audit clear"
    static let summary = "show the host-call history; stream it to a JSONL file; clear it"
    static let example = "audit\naudit --denied --last 5\naudit --component trusted --json\naudit log /tmp/audit.jsonl"

    static func run(_ arguments: String, in session: Session) throws {
        var words = try Words.split(arguments)
        if words.first == "log" {
            guard words.count == 2 else { throw ShellError("usage: audit log FILE") }
            if let (path, sink) = session.auditFile {
                session.audit.remove(sink)
                session.print("stopped logging to \(path)")
            }
            let sink = try JSONLinesAuditSink(path: words[1])
            session.audit.add(sink)
            session.auditFile = (words[1], sink)
            session.print("logging every host call to \(words[1]) (JSONL, appended)")
            return
        }
        if words.first == "clear" {
            guard words.count == 1 else { throw ShellError("usage: audit clear") }
            session.auditClearedThrough = session.audit.history.last?.sequence ?? session.auditClearedThrough
            session.print("audit history cleared")
            return
        }
        var component: String?
        var function: String?
        var deniedOnly = false
        var json = false
        var last: Int?
        while !words.isEmpty {
            let option = words.removeFirst()
            func value() throws(ShellError) -> String {
                guard !words.isEmpty else { throw ShellError("\(option) needs a value; usage: \(usage)") }
                return words.removeFirst()
            }
            switch option {
            case "--component": component = try value()
            case "--function": function = try value()
            case "--denied": deniedOnly = true
            case "--json": json = true
            case "--last":
                let text = try value()
                guard let count = Int(text), count > 0 else {
                    throw ShellError("--last needs a positive number, not '\(text)'")
                }
                last = count
            default: throw ShellError("unknown option '\(option)'; usage: \(usage)")
            }
        }
        var events = session.audit.history.filter { event in
            event.sequence > session.auditClearedThrough
                && (component == nil || event.component == component)
                && (!deniedOnly || event.decision.verdict == .denied)
                && (function == nil || event.function == function
                    || "\(event.interfaceShortName).\(event.function)" == function)
        }
        if let last { events = Array(events.suffix(last)) }
        if events.isEmpty && !json {
            session.print("no host calls recorded" + (arguments.isEmpty ? "" : " that match"))
        }
        let formatter = AuditLineFormatter(colors: session.style.isEnabled)
        for event in events {
            session.print(json ? event.jsonLine : "#\(event.sequence)  \(formatter.line(for: event))")
        }
    }
}
