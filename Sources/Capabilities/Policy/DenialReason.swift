/// Why the policy refused a host call.
public enum DenialReason: Hashable, Sendable {
    /// No grant names the interface at all.
    case missingCapability(interface: String)
    /// The interface is granted, but only for other functions.
    case functionNotGranted(interface: String, function: String)
    /// Grants for the function exist, but all are scoped and none covers the path with that access.
    case outsideScopes(path: String, access: PathAccess, scopes: [PathScope])
    /// The call touches no path, but every grant for it is scoped: a scoped grant allows only
    /// requests within its scopes.
    case scopedGrantsOnly(interface: String, function: String, scopes: [PathScope])
    /// An explicit deny matches (for a scoped deny, `path` is the requested path); deny always wins.
    case explicitlyDenied(CapabilityRule, path: String?)
    /// Grants for the function name variables or addresses, and none is the one asked for.
    case notAmongScopes(requested: String, scopes: [RuleDetail])
    /// The user refused this one call at a stepper pause.
    case userDenied

    /// A stable machine-readable name, used in the audit log.
    public var kind: String {
        switch self {
        case .missingCapability: return "missing-capability"
        case .functionNotGranted: return "function-not-granted"
        case .outsideScopes, .notAmongScopes: return "outside-scope"
        case .scopedGrantsOnly: return "scoped-grants-only"
        case .explicitlyDenied: return "explicitly-denied"
        case .userDenied: return "user-denied"
        }
    }
}
