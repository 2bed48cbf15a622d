#if canImport(Glibc)
    import Glibc
#endif

/// Where the shell writes: standard output for results and audit lines, standard error for
/// errors. Tests substitute a buffer to compare transcripts.
public protocol ShellOutput: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

/// The process's stdout and stderr, written unbuffered so that audit lines, results and errors
/// interleave in the order they happen.
public final class StandardStreams: ShellOutput {
    public init() {}
    public func write(_ text: String) { Self.write(text, to: 1) }
    public func writeError(_ text: String) { Self.write(text, to: 2) }

    static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Collects output in memory (tests, transcripts).
public final class BufferedOutput: ShellOutput {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""
    public init() {}
    public func write(_ text: String) { standardOutput += text }
    public func writeError(_ text: String) { standardError += text }
}
