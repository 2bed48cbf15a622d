import Capabilities
import WasmComponent
import WasmRuntime

/// What a stepped call is paused at, for whoever shows it (the line console or the inspector).
struct StepPause {
    enum Kind {
        /// Before a host call: it waits for a decision.
        case hostCall(PendingHostCall)
        /// At a wasm function entry or exit (components loaded for debugging).
        case function(FunctionEvent, breakpoint: Bool)
    }

    let kind: Kind
    /// The guest's wasm frames, innermost first, each one line.
    let backtrace: [String]

    var isHostCall: Bool {
        if case .hostCall = kind { return true }
        return false
    }

    /// `paused before host call #1: malicious → filesystem.read-file("/etc/passwd")` or
    /// `paused entering skill_run (module 0 function 5), depth 1`.
    var headline: String {
        switch kind {
        case .hostCall(let pending):
            let call = "\(InterfaceName(pending.interface).short).\(pending.function)(\(pending.arguments))"
            return "paused before host call #\(pending.number): \(pending.component) → \(call)"
        case .function(let event, let breakpoint):
            if case .reached(let stop, let depth) = event {
                return "paused in \(stop.function) at \(stop.offset), depth \(depth)"
            }
            let verb = if case .entering = event { "entering" } else { "leaving" }
            return "paused \(verb) \(event.function.detailedDescription), depth \(event.depth)"
                + (breakpoint ? " (breakpoint)" : "")
        }
    }

    /// What the policy would decide about the pending host call, if one is pending.
    var policySummary: (text: String, allows: Bool)? {
        guard case .hostCall(let pending) = kind else { return nil }
        return (pending.policySummary, pending.decision.isAllowed)
    }

    /// `entering malicious_run`: where an abort at this pause ends the call.
    var place: String {
        switch kind {
        case .hostCall(let pending): "before host call #\(pending.number)"
        case .function(.entering(let function, _), _): "entering \(function)"
        case .function(.leaving(let function, _), _): "leaving \(function)"
        case .function(.reached(let stop, _), _): "in \(stop.function)"
        }
    }
}
