/// The policy's answer for one host call.
public enum Decision: Hashable, Sendable {
    /// Allowed, by this grant (for path requests the broadest grant that covers the path).
    case allow(CapabilityRule)
    case deny(DenialReason)

    public var isAllowed: Bool {
        if case .allow = self { return true }
        return false
    }
}
