import Synchronization
import TerminalUI

/// Where the shell writes: standard output for results and audit lines, standard error for
/// errors. Tests substitute a buffer to compare transcripts.
public protocol ShellOutput: AnyObject, Sendable {
    func write(_ text: String)
    func writeError(_ text: String)
    /// Bytes as they are (a guest's output where wasmsh's output is no terminal): to standard
    /// error when `toError`.
    func write(bytes: [UInt8], toError: Bool)
    /// Hands on whatever standard output holds back (see `StandardStreams(buffering:)`).
    func flush()
}

extension ShellOutput {
    public func flush() {}

    /// Outputs that hold text keep what is not UTF-8 as U+FFFD.
    public func write(bytes: [UInt8], toError: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        if toError { writeError(text) } else { write(text) }
    }
}

/// The process's stdout and stderr, so that audit lines, results and errors interleave in the
/// order they happen. Unbuffered by default; see `init(buffering:)`.
public final class StandardStreams: ShellOutput {
    /// Nil when unbuffered.
    private let held: HeldStandardOutput?

    public convenience init() { self.init(buffering: false) }

    /// With `buffering`, standard output is written in large pieces instead of a `write(2)` per
    /// line (a script's results piped on): a reader still sees it in order with standard error,
    /// at most 50 ms late, and whole once `flush` is called (before more input is awaited, at a
    /// step pause, at exit). Only for output that is no terminal (see `HeldStandardOutput`).
    public init(buffering: Bool) {
        held = buffering ? HeldStandardOutput() : nil
    }

    public func write(_ text: String) {
        guard let held else {
            DescriptorWriter.write(text, to: 1)
            return
        }
        var text = text
        text.withUTF8 { held.hold($0) }
    }

    public func writeError(_ text: String) {
        guard let held else {
            DescriptorWriter.write(text, to: 2)
            return
        }
        held.writingError { DescriptorWriter.write(text, to: 2) }
    }

    public func write(bytes: [UInt8], toError: Bool) {
        guard let held else {
            DescriptorWriter.write(bytes, to: toError ? 2 : 1)
            return
        }
        if toError {
            held.writingError { DescriptorWriter.write(bytes, to: 2) }
        } else {
            bytes.withUnsafeBufferPointer { held.hold($0) }
        }
    }

    public func flush() { held?.flush() }
}

/// Collects output in memory (tests, transcripts).
public final class BufferedOutput: ShellOutput {
    private let streams = Mutex((output: "", error: ""))
    public init() {}
    public var standardOutput: String { streams.withLock { $0.output } }
    public var standardError: String { streams.withLock { $0.error } }
    public func write(_ text: String) { streams.withLock { $0.output += text } }
    public func writeError(_ text: String) { streams.withLock { $0.error += text } }
}
