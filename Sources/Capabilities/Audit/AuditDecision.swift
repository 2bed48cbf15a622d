/// The decision behind one host call, as the audit log records it.
public struct AuditDecision: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable {
        case allowed, denied
    }

    /// Who decided.
    public enum Authority: String, Hashable, Sendable {
        /// The component's policy.
        case policy
        /// The user, once, in the stepper (`allow` / `deny` at a pause).
        case user
        /// Watch (permissive) mode: allowed whatever the policy says; `reason` then holds what the
        /// policy would have refused.
        case watch
    }

    public let verdict: Verdict
    public let authority: Authority
    /// For a denial (or a watch-mode call the policy would deny): the `DenialReason.kind`,
    /// e.g. `missing-capability`; nil for a call the policy allowed.
    public let reason: String?
    /// The grant that allowed the call (`grant filesystem read ./demo.txt`) or the missing
    /// capability or scope behind a denial (`no filesystem capability`).
    public let basis: String

    public init(verdict: Verdict, authority: Authority, reason: String?, basis: String) {
        self.verdict = verdict
        self.authority = authority
        self.reason = reason
        self.basis = basis
    }

    /// The policy's own decision.
    public init(_ decision: Decision, policy: Policy) {
        switch decision {
        case .allow:
            self.init(verdict: .allowed, authority: .policy, reason: nil, basis: policy.basis(of: decision))
        case .deny(let reason):
            self.init(verdict: .denied, authority: .policy, reason: reason.kind, basis: policy.basis(of: decision))
        }
    }
}
