/// What the hosts keep for one loaded component: its host objects and what its WASI world sees
/// (arguments, standard input, where standard output and error go). Owned by the component's
/// capability gate; the shell sets the arguments and input for each `run`.
public final class HostState {
    public let objects = HostObjects()
    /// `argv`, the program's name first: the component's name until a run says otherwise
    /// (`wasmsh run` passes the file as given, or `--argv0`).
    public var arguments: [String]
    /// What `wasi:cli/stdin` reads in this run: nil when it is closed.
    public var standardInput: GuestInput?
    /// Where granted guest output goes.
    public let output: any GuestOutput
    /// A host's marks for this component (a first denied write that got a hint).
    public var notes: Set<String> = []

    public init(output: any GuestOutput, arguments: [String] = []) {
        self.output = output
        self.arguments = arguments
    }
}

/// Where a guest's standard output and error go: the shell shows them as lines prefixed with
/// the component's name (control characters escaped on a terminal); `wasmsh run` passes them
/// through to its own standard output and error.
public protocol GuestOutput: AnyObject {
    func write(_ bytes: [UInt8], to stream: GuestStream)
    /// A call ended: a partial last line is shown now.
    func flush()
}

public enum GuestStream: String, Sendable {
    case stdout, stderr
}

/// Output that goes nowhere (tests, components that never print).
public final class DiscardedGuestOutput: GuestOutput {
    public init() {}
    public func write(_ bytes: [UInt8], to stream: GuestStream) {}
    public func flush() {}
}
