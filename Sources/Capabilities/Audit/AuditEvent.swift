import WasmComponent

/// One host call, allowed or denied.
public struct AuditEvent: Hashable, Sendable {
    /// 1, 2, 3, ... in the order decisions were made, per audit log.
    public let sequence: UInt64
    /// When the decision was recorded.
    public let time: WallClockTime
    public let component: String
    /// Full interface name as imported: `sandbox:skill/filesystem`.
    public let interface: String
    public let function: String
    /// The arguments as WAVE text, comma-separated: `"./demo.txt"` (a bounded preview; once
    /// finished, with the whole text's length and digest when the preview is cut).
    public internal(set) var arguments: AuditText
    public let decision: AuditDecision
    /// Nil while the call is in progress.
    public internal(set) var outcome: AuditOutcome?
    /// Nanoseconds from the decision to the outcome; nil while in progress.
    public internal(set) var durationNanoseconds: UInt64?
    /// For an operation on a stream: what it moved (set with the outcome).
    public internal(set) var traffic: StreamTraffic?
    /// The call has no effect outside wasmsh (a clock, random bytes): a durable sink may write its
    /// records with its next write instead of at once (`JSONLinesAuditSink`), since a crash
    /// before then loses no record of anything done to the world.
    public internal(set) var staysInProcess = false
    /// Monotonic start, for the duration.
    let startedAt: UInt64

    public init(
        sequence: UInt64, time: WallClockTime, component: String, interface: String, function: String,
        arguments: AuditText, decision: AuditDecision, outcome: AuditOutcome? = nil, durationNanoseconds: UInt64? = nil,
        traffic: StreamTraffic? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.component = component
        self.interface = interface
        self.function = function
        self.arguments = arguments
        self.decision = decision
        self.outcome = outcome
        self.durationNanoseconds = durationNanoseconds
        self.traffic = traffic
        self.startedAt = 0
    }

    init(
        sequence: UInt64, component: String, interface: String, function: String, arguments: AuditText,
        decision: AuditDecision, startedAt: UInt64, staysInProcess: Bool
    ) {
        self.staysInProcess = staysInProcess
        self.sequence = sequence
        self.time = .now()
        self.component = component
        self.interface = interface
        self.function = function
        self.arguments = arguments
        self.decision = decision
        self.outcome = nil
        self.durationNanoseconds = nil
        self.startedAt = startedAt
    }

    /// Sets what only the end of the call knows; `arguments`, when given, replaces the preview.
    mutating func finish(arguments: AuditText?, outcome: AuditOutcome, traffic: StreamTraffic?, duration: UInt64) {
        if let arguments { self.arguments = arguments }
        self.traffic = traffic
        self.outcome = outcome
        durationNanoseconds = duration
    }

    /// The interface's short name for display: `filesystem` for `sandbox:skill/filesystem@0.1.0`.
    public var interfaceShortName: String { InterfaceName(interface).short }
}
