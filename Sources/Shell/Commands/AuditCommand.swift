import Capabilities
import WasmRuntime

enum AuditCommand: ShellCommand {
    static let name = "audit"
    static let syntax = CommandSyntax(
        [
            .option("--component", Argument("C", .component)), .flag("--denied"),
            .option("--function", Argument("F", .value)),
            .option("--last", Argument("N", .value)), .flag("--json"),
        ],
        [.word("log"), .argument(Argument("FILE", .path))],
        [.word("clear")])
    static let summary = "show the host-call history; stream it to a JSONL file; clear it"
    static let example = "audit\naudit --denied --last 5\naudit --component trusted --json\naudit log /tmp/audit.jsonl"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        if let path = arguments["FILE"] {
            // Opened before the old log is let go: a file that cannot be opened leaves the
            // old one logging, not host calls that no file records.
            let sink = try JSONLinesAuditSink(path: path)
            if let (path, old) = session.auditFile {
                session.audit.remove(old)
                session.print("stopped logging to \(path)")
            }
            session.audit.add(sink)
            session.auditFile = (path, sink)
            session.print("logging every host call to \(path) (JSONL, appended)")
            return
        }
        if arguments.has("clear") {
            session.auditClearedThrough = session.audit.history.last?.sequence ?? session.auditClearedThrough
            session.print("audit history cleared")
            return
        }
        let component = arguments.option("--component")
        let function = arguments.option("--function")
        let deniedOnly = arguments.has("--denied")
        let json = arguments.has("--json")
        var last: Int?
        if let text = arguments.option("--last") {
            guard let count = Int(text), count > 0 else {
                throw ShellError("--last needs a positive number, not '\(text)'")
            }
            last = count
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
            let filtered = component != nil || function != nil || deniedOnly || last != nil
            session.print("no host calls recorded" + (filtered ? " that match" : ""))
        }
        let formatter = AuditLineFormatter(style: session.style)
        for event in events {
            session.print(json ? event.jsonLine : "#\(event.sequence)  \(formatter.line(for: event))")
        }
    }
}
