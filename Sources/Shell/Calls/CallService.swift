import WasmComponent
import WasmRuntime

/// Where the session's calls are parsed and run: `call`, `let`, `step` and the inspector each
/// hand it the text after their own words.
struct CallService {
    let session: Session

    /// Parses `text` once, finds the component and export it names, and checks the arguments
    /// against the export's WIT signature.
    func prepare(_ text: String, verb: String = "call") throws -> PreparedCall {
        let parsed = try CallText(text, verb: verb)
        switch parsed.receiver {
        case .component(let name):
            let component = try session.component(named: name)
            let loaded = component.sandboxed.component
            let export = try loaded.resolve(parsed.function)
            let arguments = try parsed.call.parseArguments(
                parameters: export.type.parameters, variables: session.variables(for: component))
            return PreparedCall(component: component, export: export, arguments: arguments)
        case .handle(let variable):
            let binding = try session.binding(variable)
            guard case .handle(let handle) = binding.value else {
                throw ShellError("$\(variable) is a \(WITPrinter.typeName(binding.type)), not a resource handle")
            }
            let component = try session.component(named: binding.component)
            let export = try component.sandboxed.component.resolve("[method]\(handle.resource.name).\(parsed.function)")
            guard let receiver = export.type.parameters.first,
                WAVETypeMatcher.accepts(receiver.type, value: binding.type)
            else {
                throw ShellError(
                    "\(export.qualifiedName) cannot take $\(variable) (a \(WITPrinter.typeName(binding.type))) as self")
            }
            let rest = try parsed.call.parseArguments(
                parameters: Array(export.type.parameters.dropFirst()), variables: session.variables(for: component))
            return PreparedCall(component: component, export: export, arguments: [binding.value] + rest)
        }
    }

    /// Parses and runs a call.
    func call(_ text: String) throws -> CallOutcome {
        try run(try prepare(text))
    }

    func run(_ prepared: PreparedCall) throws -> CallOutcome {
        let result = try Self.exiting(prepared.component) {
            try prepared.component.sandboxed.component.call(prepared.export, prepared.arguments)
        }
        return CallOutcome(
            component: prepared.component, export: prepared.export, result: result, steppedHostCalls: nil)
    }

    /// Parses and runs a call under the stepper, pausing at `console`.
    func step(_ text: String, console: StepConsole) throws -> CallOutcome {
        let prepared = try prepare(text, verb: "step")
        let stepping = StepSession(component: prepared.component, session: session, console: console)
        return try Self.exiting(prepared.component) { try stepping.run(prepared) }
    }

    /// Runs `body`, a call of `component`; a guest that exits ends the call with an error that
    /// names it (whatever the status, a call that exits returns nothing).
    static func exiting<Result>(_ component: SessionComponent, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let exit as GuestExit {
            throw ComponentExited(component: component.name, status: exit.status)
        }
    }
}

extension Session {
    var calls: CallService { CallService(session: self) }
}
