import Capabilities
import WasmRuntime
import WasmComponent

enum StepCommand: ShellCommand {
    static let name = "step"
    static let usage = "step COMPONENT.FUNCTION(ARGS) | step $HANDLE.METHOD(ARGS)"
    static let summary =
        "call under the stepper: pause before every host call (allow, deny, grant, revoke, abort) and, "
        + "loaded with --debug, at wasm function entries and exits"
    static let example =
        "step malicious.run()\n  (at step>: allow | deny | grant [PATH...] | revoke | continue | abort | args | bt | help)"
        + "\nreload malicious --debug\nstep malicious.run()\n  (also: into | next | finish | break FUNC | functions)"

    static func run(_ arguments: String, in session: Session) throws {
        let component = try CallCommand.targetComponent(arguments, in: session)
        let stepping = StepSession(component: component, session: session, console: session.stepConsole)
        let (export, result) = try stepping.run(arguments)
        if component.sandboxed.gate.steppedCalls == 0 { session.print("(no host calls)") }
        if let text = CallExpression.format(result, of: export) { session.print(text) }
    }
}
