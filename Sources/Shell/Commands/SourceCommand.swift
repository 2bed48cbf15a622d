import Capabilities
import WasmRuntime

enum SourceCommand: ShellCommand {
    static let name = "source"
    static let syntax = CommandSyntax([.argument(Argument("FILE", .path))])
    static let summary = "run the commands of a script file in this session"
    static let example = "source examples/flow.wsh"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let file = arguments["FILE"] ?? ""
        guard session.sourceDepth < 16 else {
            throw ShellError("source nested more than 16 deep (a script sourcing itself?)")
        }
        let bytes = try ComponentFile.read(file, limit: ComponentFile.scriptSizeLimit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ShellError("\(file) is not UTF-8 text")
        }
        session.sourceDepth += 1
        defer { session.sourceDepth -= 1 }
        let runner = ScriptRunner(session: session, echo: false, keepGoing: false, source: file, reportsErrors: false)
        if !runner.run(lines: ScriptRunner.lines(of: text)), let (line, error) = runner.firstFailure {
            throw SourcedScriptError(file: file, line: line, error: error)
        }
    }
}

/// A sourced script stopped at an error: the error, with the file and line it came from. One
/// line however deep the scripts nest: an error from a script it sourced in turn is told as
/// that script's, where it happened.
struct SourcedScriptError: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let error: any Error

    var description: String {
        if let nested = error as? SourcedScriptError { return nested.description }
        return "\(file):\(line): \(ErrorMessage.text(for: error))"
    }
}
