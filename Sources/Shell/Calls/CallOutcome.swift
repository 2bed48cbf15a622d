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

    /// The result's WAVE text, at most `limit` bytes, with a mark where it was cut; nil when
    /// there is no result.
    func resultText(limit: Int) -> String? {
        guard let result, let type = export.type.result else { return nil }
        let prefix = WAVEFormatter.prefix(of: result, as: type, limit: limit)
        return prefix.isComplete ? prefix.text : prefix.text + "…"
    }

    /// Said after a stepped call that never reached the host.
    var noHostCallsNote: String? { steppedHostCalls == 0 ? "(no host calls)" : nil }
}
