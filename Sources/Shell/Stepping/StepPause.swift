import Capabilities
import DebugInfo
import WasmComponent
import WasmRuntime

/// What a stepped call is paused at, for whoever shows it (the line console or the inspector).
struct StepPause {
    enum Kind {
        /// Before a host call: it waits for a decision.
        case hostCall(PendingHostCall)
        /// At a wasm function entry or exit, or a probe (components loaded for debugging).
        case function(FunctionEvent, breakpoint: Bool)
    }

    let kind: Kind
    /// The guest's wasm frames, innermost first, each one line.
    let backtrace: [String]
    /// Where the innermost frame with a source location is (a line pause's own line).
    var location: SourceLocation?
    /// The source function at a line pause, from DWARF (`axis_distance (inlined into ...)`).
    var sourceFunction: String?
    /// The instruction at an instruction pause, as `wasm-tools print` writes it.
    var instruction: String?
    /// The source line of a line pause, as the file on the host has it (`30     total += ...`).
    var sourceLine: String?
    /// The code around the pause, the current line marked `=>`: what the inspector's stepper
    /// pane shows (source lines, or instructions where there is no DWARF).
    var listing: [String] = []

    var isHostCall: Bool {
        if case .hostCall = kind { return true }
        return false
    }

    /// The probe a line or instruction pause stopped at.
    var stop: ProbeStop? {
        if case .function(.reached(let stop, _), _) = kind { return stop }
        return nil
    }

    /// `paused before host call #1: malicious → filesystem.read-file("/etc/passwd")`,
    /// `paused entering skill_run (module 0 function 5), depth 1`,
    /// `paused at debug.c:30 in sum_squares, depth 1`, or
    /// `paused at code+0x1a in fib (module 0 function 0), depth 1: local.get 0`.
    var headline: String {
        switch kind {
        case .hostCall(let pending):
            let call = "\(InterfaceName(pending.interface).short).\(pending.function)(\(pending.arguments))"
            return "paused before host call #\(pending.number): \(pending.component) → \(call)"
        case .function(.reached(let stop, let depth), let breakpoint):
            let mark = breakpoint ? " (breakpoint)" : ""
            if stop.kind == .statement, let location {
                let function = sourceFunction ?? stop.function.description
                return "paused at \(SourceContext.short(location)) in \(function), depth \(depth)\(mark)"
            }
            return "paused at \(stop.offset) in \(stop.function.detailedDescription), depth \(depth)\(mark)"
                + (instruction.map { ": " + $0 } ?? "")
        case .function(let event, let breakpoint):
            let verb = if case .entering = event { "entering" } else { "leaving" }
            let place = location.map { " at \(SourceContext.short($0))" } ?? ""
            return "paused \(verb) \(event.function.detailedDescription)\(place), depth \(event.depth)"
                + (breakpoint ? " (breakpoint)" : "")
        }
    }

    /// The lines under the headline: a line pause's source line.
    var details: [String] {
        guard stop?.kind == .statement, let location, let sourceLine else { return [] }
        return ["\(Self.gutter(location.line, width: 5))\(sourceLine)"]
    }

    /// `   30  `: a line number right-aligned in `width` columns, then two spaces.
    static func gutter(_ line: Int, width: Int) -> String {
        let number = String(line)
        return String(repeating: " ", count: max(0, width - number.count)) + number + "  "
    }

    /// What the policy would decide about the pending host call, if one is pending.
    var policySummary: (text: String, allows: Bool)? {
        guard case .hostCall(let pending) = kind else { return nil }
        return (pending.policySummary, pending.decision.isAllowed)
    }

    /// `entering malicious_run`, `at debug.c:30`: where an abort at this pause ends the call.
    var place: String {
        switch kind {
        case .hostCall(let pending): "before host call #\(pending.number)"
        case .function(.entering(let function, _), _): "entering \(function)"
        case .function(.leaving(let function, _), _): "leaving \(function)"
        case .function(.reached(let stop, _), _):
            if stop.kind == .statement, let location {
                "at \(SourceContext.short(location))"
            } else {
                "at \(stop.offset) in \(stop.function)"
            }
        }
    }
}
