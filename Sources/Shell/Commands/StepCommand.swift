import Sandbox
import WasmComponent

enum StepCommand: ShellCommand {
    static let name = "step"
    static let usage = "step COMPONENT.FUNCTION(ARGS) | step $HANDLE.METHOD(ARGS)"
    static let summary = "call under the stepper: pause before every host call to allow, deny, grant, revoke or abort"
    static let example =
        "step malicious.run()\n  (at step>: allow | deny | grant [PATH...] | revoke | continue | abort | args | bt | help)"

    static func run(_ arguments: String, in session: Session) throws {
        let component = try CallCommand.targetComponent(arguments, in: session)
        let gate = component.sandboxed.gate
        let loaded = component.sandboxed.component
        gate.steppedCalls = 0
        gate.stepper = { pending, gate in
            try StepPause.resolve(pending, gate: gate, component: component, session: session)
        }
        loaded.capturesBacktraces = true
        defer {
            gate.stepper = nil
            loaded.capturesBacktraces = false
        }
        let (target, result) = try CallCommand.perform(arguments, in: session)
        if gate.steppedCalls == 0 { session.print("(no host calls)") }
        if let text = CallExpression.format(result, of: target.export) { session.print(text) }
    }
}

/// One pause of the stepper: show the pending host call, read answers until one decides it.
enum StepPause {
    static let answers = """
        allow            run this call once, whatever the policy says
        deny             refuse this call once, whatever the policy says
        grant [PATH...] [--write]   grant the interface (scoped to PATH), then decide by the policy
        revoke [PATH...] revoke the interface's grant (or one scope), then decide by the policy
        continue         stop pausing: this and later calls are decided by the policy
        abort            end the call now with an error
        args             show the arguments in full
        bt               show the guest's wasm call stack at this host call
        help             this list
        """

    static func resolve(_ pending: PendingHostCall, gate: CapabilityGate, component: SessionComponent, session: Session)
        throws -> StepResolution
    {
        let call = "\(InterfaceName(pending.interface).short).\(pending.function)(\(pending.arguments))"
        let verdict =
            pending.decision.isAllowed
            ? session.style(.allowed, pending.policySummary) : session.style(.denied, pending.policySummary)
        session.print("paused before host call #\(pending.number): \(pending.component) → \(call)   policy: \(verdict)")
        while true {
            guard let reader = session.readStepAnswer, let answer = reader("step>") else {
                session.print("(no answer: aborting the call)")
                return .abort
            }
            let (word, rest) = answer.splitFirstWord()
            switch word {
            case "allow", "a": return .allowOnce
            case "deny", "d": return .denyOnce
            case "continue", "c":
                gate.stepper = nil
                return .usePolicy
            case "abort": return .abort
            case "grant", "revoke":
                do {
                    let request = try PolicyRequest(
                        "\(pending.component) \(pending.interface) \(rest)", usage: "\(word) [PATH...] [--write]",
                        allowWrite: true)
                    let changes =
                        word == "grant"
                        ? try gate.policy.grant(
                            request.capability, scopes: request.scopes, access: request.write ? .readWrite : .read)
                        : try gate.policy.revoke(
                            request.capability, scopes: request.scopes, access: request.write ? .write : nil)
                    for change in changes { session.print(change.description) }
                    return .usePolicy
                } catch {
                    session.output.writeError(session.style(.error, "Error:") + " \(error)\n")
                }
            case "args":
                session.print(pending.arguments)
            case "bt":
                let frames = component.sandboxed.component.lastHostCallBacktrace
                session.print("#0 host \(InterfaceName(pending.interface).short).\(pending.function)")
                for (index, frame) in frames.enumerated() { session.print("#\(index + 1) \(frame)") }
                if frames.isEmpty { session.print("(no wasm frames recorded)") }
            case "help", "?":
                session.print(answers)
            default:
                session.output.writeError(
                    session.style(.error, "Error:") + " '\(answer)' is not a step answer; type 'help'\n")
            }
        }
    }
}
