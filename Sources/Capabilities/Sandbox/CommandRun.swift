import WasmComponent
import WasmRuntime

/// Running a WASI command (`wasi:cli/run`'s `run: func() -> result`) of a loaded component, as
/// `wasmtime run` does: its arguments and standard input are set for the run, and the outcome is
/// an exit status.
public enum CommandRun {
    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        /// `run` returned `ok` (status 0) or `err` (status 1).
        case returned(ok: Bool)
        /// The guest called `exit` with this status.
        case exited(Int32)

        public var status: Int32 {
            switch self {
            case .returned(let ok): ok ? 0 : 1
            case .exited(let status): status
            }
        }
    }

    /// The export `wasi:cli/run` gives, whatever its version; nil when the component has none.
    public static func export(of component: SandboxedComponent) -> ExportedFunction? {
        component.component.exports.first {
            $0.interface.map { InterfaceName($0).unversioned } == "wasi:cli/run" && $0.name == "run"
        }
    }

    /// Runs it. `arguments` are argv, the program's name first; `input`, what its standard input
    /// reads (nil: closed). A trap or an interruption is thrown, as from any call.
    public static func run(_ component: SandboxedComponent, arguments: [String], input: GuestInput?) throws -> Outcome {
        guard let export = export(of: component) else {
            throw LoadError("\(component.name) exports no wasi:cli/run: it is not a WASI command")
        }
        let state = component.gate.state
        state.arguments = arguments
        state.standardInput = input
        defer {
            state.standardInput = nil
            state.output.flush()
        }
        do {
            let result = try component.component.call(export, [])
            if case .result(.err)? = result { return .returned(ok: false) }
            return .returned(ok: true)
        } catch let exit as GuestExit {
            return .exited(exit.status)
        }
    }
}
