/// Why the interrupt monitor could not start.
public enum InterruptMonitorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed: which one, and its errno text.
    case systemCallFailed(call: String, reason: String)

    public var description: String {
        switch self {
        case .systemCallFailed(let call, let reason):
            return "interrupt monitor: \(call) failed: \(reason)"
        }
    }
}
