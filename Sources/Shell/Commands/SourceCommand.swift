import Capabilities
import WasmRuntime

enum SourceCommand: ShellCommand {
    static let name = "source"
    static let usage = "source FILE"
    static let summary = "run the commands of a script file in this session"
    static let example = "source examples/flow.wsh"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        guard session.sourceDepth < 16 else {
            throw ShellError("source nested more than 16 deep (a script sourcing itself?)")
        }
        let bytes = try ComponentFile.read(words[0])
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ShellError("\(words[0]) is not UTF-8 text")
        }
        session.sourceDepth += 1
        defer { session.sourceDepth -= 1 }
        let runner = ScriptRunner(session: session, echo: false, keepGoing: false, source: words[0])
        guard runner.run(lines: ScriptRunner.lines(of: text)) else {
            throw ShellError("\(words[0]) stopped at its first error")
        }
    }
}
