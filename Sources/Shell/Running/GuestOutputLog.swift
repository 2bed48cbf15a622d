import Synchronization

/// The newest lines guests wrote in this session, for the inspector's output pane (which shows
/// them instead of the terminal while it is open). Bounded: a guest that prints without end
/// holds at most `capacity` lines of at most `PrefixedGuestOutput.longestLine` bytes here.
final class GuestOutputLog: Sendable {
    struct Line: Sendable, Equatable {
        let component: String
        let isError: Bool
        /// The line with its control characters escaped.
        let text: String

        /// As the shell prints it: `C: text` or `C (stderr): text`.
        var shown: String { component + (isError ? " (stderr): " : ": ") + text }
    }

    static let capacity = 1000

    private struct Kept {
        var lines: [Line] = []
        /// Lines ever appended: the pane says how many it no longer holds.
        var total = 0
    }

    private let kept = Mutex(Kept())

    func append(_ line: Line) {
        kept.withLock { kept in
            kept.lines.append(line)
            kept.total += 1
            // Trimmed in batches, so that appending stays cheap.
            if kept.lines.count >= 2 * Self.capacity { kept.lines.removeFirst(kept.lines.count - Self.capacity) }
        }
    }

    /// The newest lines, oldest first, at most `capacity`; and how many were written in all.
    var lines: (lines: ArraySlice<Line>, total: Int) {
        kept.withLock { ($0.lines.suffix(Self.capacity), $0.total) }
    }
}
