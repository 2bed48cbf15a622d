import Dispatch
import Synchronization
import TerminalUI

/// Standard output held back and written in large pieces, for `StandardStreams(buffering:)`:
/// one `write(2)` per 64 KiB instead of one per result line of a script. Held bytes are written
/// out when they reach `limit`, before anything goes to standard error (`writingError`), on
/// `flush`, and by a thread of their own within `interval` microseconds of being held.
final class HeldStandardOutput: Sendable {
    private struct Held {
        var bytes: [UInt8] = []
        var flusherStarted = false
    }

    private let held = Mutex(Held())
    /// Standard output, or a pipe in tests.
    private let descriptor: Int32
    private let limit: Int
    private let interval: UInt32

    init(descriptor: Int32 = 1, limit: Int = 64 << 10, intervalMicroseconds: UInt32 = 50_000) {
        self.descriptor = descriptor
        self.limit = limit
        self.interval = intervalMicroseconds
    }

    func hold(_ bytes: UnsafeBufferPointer<UInt8>) {
        let startsFlusher = held.withLock { held -> Bool in
            held.bytes.append(contentsOf: bytes)
            if held.bytes.count >= limit { writeOut(&held.bytes) }
            defer { held.flusherStarted = true }
            return !held.flusherStarted
        }
        guard startsFlusher else { return }
        // Output waiting behind a long call still reaches the reader. The thread ends with
        // the output it serves.
        let interval = interval
        DispatchQueue(label: "wasmsh output flusher").async { [weak self] in
            while true {
                usleep(interval)
                guard let self else { return }
                flush()
            }
        }
    }

    /// Writes out what is held, then runs `body` (a write to standard error) before anything
    /// else can be held or written.
    func writingError(_ body: () -> Void) {
        held.withLock { held in
            writeOut(&held.bytes)
            body()
        }
    }

    func flush() {
        held.withLock { writeOut(&$0.bytes) }
    }

    private func writeOut(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        DescriptorWriter.write(bytes, to: descriptor)
        bytes.removeAll(keepingCapacity: true)
    }
}
