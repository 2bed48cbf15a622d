/// A grant as a user asks for it, before it is resolved against a component's imports: a
/// capability (`filesystem`, `sandbox:skill/filesystem.read-file`), optionally one function,
/// optionally path scopes with their access. Flags, answers and commands all end up here.
public struct GrantRequest: Sendable, Equatable {
    public var capability: String
    public var function: String?
    public var scopes: [String]
    public var access: PathAccess
    /// Skipped (and reported) when the component does not import the capability: a flag like
    /// `--env HOME` means "if it asks", as in `wasmtime run`.
    public var isOptional: Bool

    public init(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read,
        isOptional: Bool = false
    ) {
        self.capability = capability
        self.function = function
        self.scopes = scopes
        self.access = access
        self.isOptional = isOptional
    }

    /// Grants it in `policy`; what changed, for the user.
    @discardableResult
    public func apply(to policy: inout Policy) throws(PolicyError) -> [PolicyChange] {
        try policy.grant(capability, function: function, scopes: scopes, access: access)
    }
}
