/// A failed interaction with a `PTYProcess`; every case carries the program's output so far,
/// for the test failure message.
public enum PTYProcessError: Error, CustomStringConvertible {
    case spawnFailed(String)
    case writeFailed(String, transcript: String)
    /// The deadline passed before the pattern (or event) appeared.
    case timedOut(waitingFor: String, transcript: String)
    /// The program closed the terminal (exited) before the pattern appeared.
    case outputEnded(waitingFor: String, transcript: String)

    public var description: String {
        switch self {
        case .spawnFailed(let reason):
            return "could not start the program: \(reason)"
        case .writeFailed(let reason, let transcript):
            return "could not type into the terminal: \(reason)\n--- transcript ---\n\(Self.visible(transcript))"
        case .timedOut(let pattern, let transcript):
            return "timed out waiting for \(Self.visible(pattern))\n--- transcript ---\n\(Self.visible(transcript))"
        case .outputEnded(let pattern, let transcript):
            return
                "program ended before \(Self.visible(pattern)) appeared\n--- transcript ---\n\(Self.visible(transcript))"
        }
    }

    /// Control characters spelled out (ESC as \e), so that a transcript reads in a log.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n\n"
            case "\u{1B}": result += "\\e"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
