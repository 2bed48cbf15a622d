import Capabilities
import WasmComponent
import WasmRuntime

/// `wasmsh run FILE [-- ARGS...]`: runs a WASI command's `wasi:cli/run` as `wasmtime run` does,
/// but with nothing granted that the flags do not grant. The guest's granted output goes to
/// wasmsh's own, audit lines to standard error; its standard input is wasmsh's when `stdin` is
/// granted, else closed.
public struct RunProgram {
    public var file: String
    public var options = ProgramOptions()

    public init(file: String) {
        self.file = file
    }

    /// Runs it; the exit status: 0 when `run` returned ok, 1 when it returned err, the guest's
    /// own when it exited. A trap is thrown (and reported, status 1, by the caller).
    public func run(output: any ShellOutput) throws -> Int32 {
        let program = try options.load(file, output: output)
        let component = program.component
        let stdin = component.policy.catalog.interfaces.first {
            InterfaceName($0.name).unversioned == "wasi:cli/stdin"
        }
        let input = stdin.flatMap { interface in
            component.policy.decide(interface: interface.name, function: "get-stdin").isAllowed
                ? GuestInput(standardInputOf: interface.name, component: component.name) : nil
        }
        do {
            let outcome = try CommandRun.run(component, arguments: component.gate.state.arguments, input: input)
            try program.finish()
            if case .returned(ok: false) = outcome, !options.quiet {
                output.writeError("wasmsh: \(component.name)'s run returned err\n")
            }
            return outcome.status
        } catch {
            try? program.finish()
            throw error
        }
    }
}
