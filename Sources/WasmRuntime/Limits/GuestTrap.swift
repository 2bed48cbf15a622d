import WasmComponent
import WasmKit

/// A trap of guest code, as the shell reports it: one line naming the trap, then the wasm
/// backtrace (innermost first) with the function names of the core module's name section,
/// repeated frames collapsed:
///
///     trap: call stack exhausted
///       at recurse_level
///       ... 8,188 more frames of recurse_level
///       at recurse
public struct GuestTrap: Error, CustomStringConvertible, Sendable {
    /// What happened, e.g. `integer divide by zero`.
    public var reason: String
    /// Function names, innermost first: from the name section or the export name, else
    /// `wasm function[N]` (N the function's index in its core module).
    public var frames: [String]

    /// The most frame lines a report prints; the rest is summarized in one line.
    static let maxPrintedFrames = 16

    public init(reason: String, frames: [String]) {
        self.reason = reason
        self.frames = frames
    }

    /// Reads WasmKit's trap text: `Trap: REASON`, then one `    N: (0xADDRESS) NAME` line per
    /// frame. WasmKit keeps the reason and frames internal; the text is all it offers.
    /// `ownName` gives a function named by its short export name its own name back (see `ShortNames`).
    init(_ trap: Trap, ownName: (String) -> String = { $0 }) {
        var lines = trap.description.split(separator: "\n", omittingEmptySubsequences: true)[...]
        let first = lines.popFirst().map(String.init) ?? "Trap"
        var reason = first.hasPrefix("Trap: ") ? String(first.dropFirst("Trap: ".count)) : first
        if reason == "unreachable" { reason = "unreachable instruction executed" }
        var frames: [String] = []
        for line in lines {
            // The name follows the address: `    3: (0x55d0c0ffee) recurse_level`.
            guard let close = line.firstIndex(of: ")") else { continue }
            let name = line[line.index(after: close)...].trimmingPrefix(" ")
            // `unknown` marks the host's own entry frame, not guest code; a function's twin (a
            // stepped call runs it, see `ProbePlan`) is part of the original's frame, which follows.
            if name.isEmpty || name == "unknown" || name == "unknown host function"
                || name.hasPrefix(ProbeLayout.twinPrefix)
            {
                continue
            }
            // The module chose the name: escaped, so that it neither reaches the terminal raw
            // nor passes for more than one frame.
            frames.append(
                ControlCharacterEscaper.escaped(ownName(String(name)), maximumScalars: CoreNameSection.shownNameLength))
        }
        self.init(reason: reason, frames: frames)
    }

    public var description: String {
        var lines = ["trap: \(reason)"]
        var printed = 0
        var index = frames.startIndex
        while index < frames.endIndex {
            let name = frames[index]
            var runEnd = index + 1
            while runEnd < frames.endIndex, frames[runEnd] == name { runEnd += 1 }
            if printed >= Self.maxPrintedFrames {
                lines.append("  ... \(Self.moreFrames(frames.endIndex - index))")
                break
            }
            lines.append("  at \(name)")
            printed += 1
            let repeats = runEnd - index - 1
            if repeats == 1 {
                lines.append("  at \(name)")
                printed += 1
            } else if repeats > 1 {
                lines.append("  ... \(Self.moreFrames(repeats)) of \(name)")
                printed += 1
            }
            index = runEnd
        }
        return lines.joined(separator: "\n")
    }

    /// `1 more frame`, `8,188 more frames`.
    static func moreFrames(_ count: Int) -> String {
        count == 1 ? "1 more frame" : "\(Self.count(count)) more frames"
    }

    /// `8,188`: thousands grouped, whatever the locale.
    static func count(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
