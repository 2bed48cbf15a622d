import Capabilities
import WasmRuntime

enum RunCommand: ShellCommand {
    static let name = "run"
    static let syntax = CommandSyntax([
        .argument(.component), .optional([.repeated(argument)]), .option("<", Argument("FILE", .path)),
    ])
    static let argument = Argument("ARG", .passedOn)
    static let summary =
        "run a WASI command (its wasi:cli/run export) with arguments; '< FILE' is its standard input (else closed)"
    static let example = "run hello\nrun cat < notes.txt\nrun python-probe print --verbose"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let component = try session.component(named: arguments.component)
        let input = try arguments.option("<").map { path throws(LoadError) in try GuestInput(file: path) }
        // A guest sees its arguments with its own name first, as a program sees argv.
        let outcome = try CommandRun.run(
            component.sandboxed, arguments: [component.name] + arguments.all(argument.placeholder), input: input)
        session.callsEnded()
        switch outcome {
        case .returned(ok: true):
            return
        case .returned(ok: false):
            throw ShellError("\(component.name)'s run returned err (exit status 1)")
        case .exited(let status):
            let exited = ComponentExited(component: component.name, status: status)
            guard status == 0 else { throw exited }
            session.print(session.style(.dim, "\(exited); \(exited.hint)"))
        }
    }
}
