import Capabilities
import WasmComponent
import WasmRuntime

/// Audit lines in the original proof of concept's wording, for `wasmsh demo`:
///
///     [DENIED] Component 'malicious' attempted filesystem.read-file("/etc/passwd") without permission
///     [ALLOWED] Component 'trusted' read file './demo.txt' successfully
public final class SeedAuditSink: AuditSink {
    private let emit: @Sendable (String) -> Void

    public init(emit: @escaping @Sendable (String) -> Void) {
        self.emit = emit
    }

    public func record(_ event: AuditEvent, phase: AuditPhase) throws(AuditError) {
        guard phase == .finished else { return }
        emit(Self.line(for: event))
    }

    public func flush() throws(AuditError) {}

    static func line(for event: AuditEvent) -> String {
        let call = "\(event.interfaceShortName).\(event.function)"
        guard event.decision.verdict == .allowed else {
            return "[DENIED] Component '\(event.component)' attempted \(call)(\(event.arguments)) without permission"
        }
        let path = (try? WAVEParser.parse(event.arguments.preview, as: .string)).flatMap { value -> String? in
            if case .string(let text) = value { return text }
            return nil
        }
        switch (event.function, path, event.outcome) {
        case ("read-file", let path?, .returned(let result)?) where result.preview.hasPrefix("ok("):
            return "[ALLOWED] Component '\(event.component)' read file '\(path)' successfully"
        case ("read-file", let path?, .returned(let result)?):
            return "[ALLOWED] Component '\(event.component)' read file '\(path)' but it failed: \(result)"
        case (_, _, .failed(let message)?):
            return
                "[ALLOWED] Component '\(event.component)' called \(call)(\(event.arguments)) and it failed: \(message)"
        default:
            return "[ALLOWED] Component '\(event.component)' called \(call)(\(event.arguments))"
        }
    }
}
