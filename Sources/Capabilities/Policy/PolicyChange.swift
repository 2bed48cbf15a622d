/// What one grant, deny or revoke did, for the shell to report.
public struct PolicyChange: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// A new rule.
        case added
        /// An existing scope gained access (read → read+write).
        case widened
        /// Nothing new: the rule was already there.
        case unchanged
        /// A rule went away.
        case removed
        /// A scope lost some of its access (read+write → read).
        case narrowed
    }

    public let kind: Kind
    public let list: PolicyError.RuleList
    /// The rule after the change (for `removed`, the rule that was removed).
    public let rule: CapabilityRule
    /// The change in words: `granted trusted: filesystem read ./demo.txt`.
    public let summary: String
    /// Things worth telling, e.g. that an explicit deny still wins over a new grant.
    public let notes: [String]

    public var description: String {
        notes.isEmpty ? summary : summary + " (" + notes.joined(separator: "; ") + ")"
    }
}
