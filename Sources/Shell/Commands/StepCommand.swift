import Capabilities
import WasmComponent
import WasmRuntime

enum StepCommand: ShellCommand {
    static let name = "step"
    static let syntax = CallCommand.syntax
    static let summary =
        "call under the stepper: pause before every host call (allow, deny, grant, revoke, abort) and, "
        + "loaded with --debug, at wasm function entries and exits, source lines (DWARF) and instructions"
    static let example =
        "step malicious.run()\n  (at step>: allow | deny | grant [PATH...] | revoke | continue | abort | args | bt | help)"
        + "\nreload malicious --debug\nstep malicious.run()\n  (also: into | next | finish | break FUNC | functions | stepi)"
        + "\nload components/debug.wasm --debug\nstep debug.sum-squares(3)\n"
        + "  (also: line | break debug.c:30 | list | locals | print total)"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let outcome = try session.calls.step(arguments.callText, console: session.stepConsole)
        if let note = outcome.noHostCallsNote { session.print(note) }
        try session.present(outcome)
    }
}
