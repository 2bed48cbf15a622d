import WasmComponent
import WasmRuntime

/// What one call did: which export of which component, what it returned and, for a stepped
/// call, how many host calls it paused at.
struct CallOutcome {
    let component: SessionComponent
    let export: ExportedFunction
    let result: ComponentValue?
    /// Host calls paused at; nil for a call that was not stepped.
    let steppedHostCalls: Int?

    /// The result in WAVE, as `wasmtime run --invoke` prints it; nil when there is none.
    var resultText: String? { CallExpression.format(result, of: export) }

    /// Said after a stepped call that never reached the host.
    var noHostCallsNote: String? { steppedHostCalls == 0 ? "(no host calls)" : nil }
}
