/// A host call the stepper paused before: who calls what with which arguments, and what the
/// policy would decide.
public struct PendingHostCall: Sendable {
    /// 1 for the first host call of the stepped export call, 2 for the next, ...
    public var number: Int
    public var component: String
    public var interface: String
    public var function: String
    /// The arguments in WAVE.
    public var arguments: String
    public var decision: Decision
    /// `DENY (no filesystem capability)` or `ALLOW (grant filesystem read ./demo.txt)`.
    public var policySummary: String
}

/// What the user decided at a pause.
public enum StepResolution: Sendable {
    /// Decide by the policy as it is now (after any grant or revoke made at the pause).
    case usePolicy
    /// Run this one call, whatever the policy says.
    case allowOnce
    /// Refuse this one call, whatever the policy says.
    case denyOnce
    /// End the export call with an error.
    case abort
}

/// Decides, with the user, how a paused host call goes on (see `CapabilityGate.stepping`).
public protocol HostCallStepper: AnyObject {
    /// Shows `call` and returns the user's answer; may change `gate.policy` (grant, revoke) first.
    func pause(before call: PendingHostCall, gate: CapabilityGate) throws -> StepResolution
}
