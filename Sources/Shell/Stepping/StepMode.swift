import DebugInfo
import WasmRuntime

/// Where a stepped call runs to before pausing again.
enum StepMode: Equatable {
    /// The next function entry or exit, or host call.
    case into
    /// The next entry or exit at this depth or shallower: steps over deeper calls.
    case next(depth: Int)
    /// The exit of the frame at this depth (or shallower).
    case finish(depth: Int)
    /// No pauses but breakpoints; host calls are decided by the policy.
    case run
    /// The next source line, in this frame or any other (steps into calls).
    case line(LineAnchor)
    /// The next source line of this frame or a caller (steps over calls).
    case nextLine(LineAnchor)
    /// The next probe: an instruction, or a statement where the module has DWARF.
    case instruction

    /// Whether a statement probe ends a line motion (`line` or `next`) that started at `anchor`:
    /// not inside a function's prologue; in the anchor's frame, once the line changes; in an
    /// older frame (the motion returned), at once; in a newer frame, only when stepping into.
    static func endsLineMotion(
        at stop: ProbeStop, key: LineKey?, from anchor: LineAnchor, into: Bool, inPrologue: Bool
    ) -> Bool {
        guard !inPrologue, key != nil else { return false }
        if stop.frame == anchor.frame { return key != anchor.line }
        if stop.frame < anchor.frame { return true }
        return into
    }
}

/// Where a line motion started: the frame (by its serial number) and the source line it was on.
struct LineAnchor: Equatable {
    let frame: Int
    let line: LineKey?
}
