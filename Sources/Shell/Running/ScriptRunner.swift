/// Runs commands from a script: no prompt; `#` comments and blank lines skipped; the first
/// failing command reports `Error: near line N: MESSAGE` and stops (unless keep-going).
public final class ScriptRunner {
    let session: Session
    let echo: Bool
    let keepGoing: Bool
    /// Names the script in errors of nested `source` files.
    let source: String?
    public private(set) var failures = 0

    public init(session: Session, echo: Bool, keepGoing: Bool, source: String? = nil) {
        self.session = session
        self.echo = echo
        self.keepGoing = keepGoing
        self.source = source
    }

    public static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// Runs the lines; returns false when a command failed.
    @discardableResult
    public func run(lines: [String], firstLineNumber: Int = 1) -> Bool {
        for (offset, line) in lines.enumerated() {
            if session.isFinished { break }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if echo { session.output.write(trimmed + "\n") }
            do {
                try session.execute(trimmed)
            } catch {
                failures += 1
                let place = source.map { "\($0): " } ?? ""
                session.output.writeError(
                    session.style(.error, "Error:") + " near line \(firstLineNumber + offset): \(place)\(error)\n")
                if !keepGoing { return false }
            }
        }
        return failures == 0
    }

    /// Reads standard input to the end, line by line, running each as it arrives.
    public func runStandardInput() -> Bool {
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            if !run(lines: [line], firstLineNumber: number) && !keepGoing { return false }
            if session.isFinished { break }
        }
        return failures == 0
    }
}
