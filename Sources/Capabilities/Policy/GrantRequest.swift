/// A grant as a user asks for it, before it is resolved against a component's imports: a
/// capability (`filesystem`, `sandbox:skill/filesystem.read-file`), optionally one function,
/// optionally path scopes with their access. Flags, answers and commands all end up here.
public struct GrantRequest: Sendable, Equatable {
    public var capability: String
    public var function: String?
    public var scopes: [String]
    public var access: PathAccess

    public init(_ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read) {
        self.capability = capability
        self.function = function
        self.scopes = scopes
        self.access = access
    }

    /// Grants it in `policy`; what changed, for the user.
    @discardableResult
    public func apply(to policy: inout Policy) throws(PolicyError) -> [PolicyChange] {
        try policy.grant(capability, function: function, scopes: scopes, access: access)
    }
}
