import Synchronization
import WasmComponent

/// A value's WAVE text written to the shell's output as it is made, a piece at a time, so that a
/// result of many megabytes never sits whole in memory and Ctrl-C stops its printing between
/// two pieces.
struct StreamedWAVEOutput: WAVEOutput {
    /// Set from another thread (Ctrl-C); the text written so far stays, the rest is not made.
    final class Stop: Sendable {
        private let requested = Atomic<Bool>(false)
        func request() { requested.store(true, ordering: .relaxed) }
        var isRequested: Bool { requested.load(ordering: .relaxed) }
    }

    static let pieceBytes = 64 << 10

    let stop: Stop
    let write: (String) -> Void
    private var pending = ""
    private var pendingBytes = 0

    init(stop: Stop, write: @escaping (String) -> Void) {
        self.stop = stop
        self.write = write
        pending.reserveCapacity(Self.pieceBytes + 64)
    }

    var wantsMore: Bool { !stop.isRequested }

    mutating func waveWrite(_ text: some StringProtocol) {
        pending += text
        pendingBytes += text.utf8.count
        if pendingBytes >= Self.pieceBytes { flush() }
    }

    mutating func waveWrite(_ scalar: Unicode.Scalar) {
        pending.unicodeScalars.append(scalar)
        pendingBytes += UTF8.width(scalar)
    }

    /// Writes what is held.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        write(pending)
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
    }
}
