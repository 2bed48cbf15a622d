import WasmRuntime

/// Runs commands from a script: no prompt; `#` comments and blank lines skipped; the first
/// failing command reports `Error: near line N: MESSAGE` and stops (unless keep-going).
public final class ScriptRunner {
    let session: Session
    let echo: Bool
    let keepGoing: Bool
    /// Names the script in errors of nested `source` files.
    let source: String?
    /// False for a sourced script: its first error is kept in `firstFailure` for `source` to
    /// report once, instead of every nesting level printing a line of its own.
    let reportsErrors: Bool
    public private(set) var failures = 0
    /// The first failing line and its error.
    private(set) var firstFailure: (line: Int, error: any Error)?

    public init(session: Session, echo: Bool, keepGoing: Bool, source: String? = nil) {
        self.session = session
        self.echo = echo
        self.keepGoing = keepGoing
        self.source = source
        self.reportsErrors = true
    }

    init(session: Session, echo: Bool, keepGoing: Bool, source: String?, reportsErrors: Bool) {
        self.session = session
        self.echo = echo
        self.keepGoing = keepGoing
        self.source = source
        self.reportsErrors = reportsErrors
    }

    public static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// Runs the lines; returns false when a command failed.
    @discardableResult
    public func run(lines: [String], firstLineNumber: Int = 1) -> Bool {
        run(from: ArrayLineSource(lines, firstNumber: firstLineNumber))
    }

    /// Runs a script file; a file that cannot be read is an error before any line runs.
    public func run(file path: String) throws -> Bool {
        let bytes = try ComponentFile.read(path, limit: ComponentFile.scriptSizeLimit)
        return run(lines: Self.lines(of: String(decoding: bytes, as: UTF8.self)))
    }

    /// Reads standard input to the end, running each line as it arrives.
    public func runStandardInput() -> Bool {
        // Whoever feeds the lines may wait for the output of those it sent before sending more.
        run(from: StandardInputLineSource(beforeWaiting: { [session] in session.output.flush() }))
    }

    func run(from lines: LineSource) -> Bool {
        let previousReader = session.readStepAnswer
        session.readStepAnswer = { [echo, session] _ in
            // Answers at a stepper pause are the script's next command lines; the pause is shown first.
            session.output.flush()
            while let (_, line) = lines.nextLine() {
                let trimmed = line.trimmingWhitespace()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if echo { session.output.write("step> " + trimmed + "\n") }
                return trimmed
            }
            return nil
        }
        defer { session.readStepAnswer = previousReader }
        let standardInput = lines as? StandardInputLineSource
        while !session.isFinished, let (number, line) = lines.nextLine() {
            if let input = standardInput, input.cutLine == number {
                failures += 1
                session.output.writeError(
                    session.style(.error, "Error:")
                        + " near line \(number): the line is longer than \(StandardInputLineSource.lineLimit) bytes\n")
                if !keepGoing { return false }
                continue
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if echo { session.output.write(trimmed + "\n") }
            do {
                try session.execute(trimmed)
            } catch {
                failures += 1
                if firstFailure == nil { firstFailure = (number, error) }
                if reportsErrors {
                    let place = source.map { "\($0): " } ?? ""
                    session.output.writeError(
                        session.style(.error, "Error:")
                            + " near line \(number): \(place)\(ErrorMessage.text(for: error))\n")
                }
                if !keepGoing { return false }
            }
        }
        return failures == 0
    }
}
