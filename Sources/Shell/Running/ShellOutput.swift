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
}

extension ShellOutput {
    /// Outputs that hold text keep what is not UTF-8 as U+FFFD.
    public func write(bytes: [UInt8], toError: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        if toError { writeError(text) } else { write(text) }
    }
}

/// The process's stdout and stderr, written unbuffered so that audit lines, results and errors
/// interleave in the order they happen.
public final class StandardStreams: ShellOutput {
    public init() {}
    public func write(_ text: String) { DescriptorWriter.write(text, to: 1) }
    public func writeError(_ text: String) { DescriptorWriter.write(text, to: 2) }
    public func write(bytes: [UInt8], toError: Bool) { DescriptorWriter.write(bytes, to: toError ? 2 : 1) }
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
