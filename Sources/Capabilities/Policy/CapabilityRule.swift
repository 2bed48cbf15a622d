import Synchronization

/// One grant or one deny: an imported interface, optionally one of its functions, optionally a path scope.
public struct CapabilityRule: Hashable, Sendable {
    /// The interface's full name exactly as the component imports it.
    public let interface: String
    /// One function, or nil for every function of the interface.
    public let function: String?
    /// A path scope, or nil for no restriction by path (for the filesystem: the whole host filesystem).
    public internal(set) var scope: PathScope?
    /// A scope of another kind: an environment variable, a socket address.
    public let detail: RuleDetail?
    /// `scope != nil || detail != nil`, stored: the decision loop reads it without copying the scope.
    let isScoped: Bool
    /// When the rule was made, for what must keep the order the user gave (the variables a WASI
    /// guest sees, as `wasmtime run --env` keeps them); not part of what the rule is.
    let ordinal: UInt64

    private static let ordinals = Atomic<UInt64>(0)

    init(interface: String, function: String?, scope: PathScope?, detail: RuleDetail? = nil) {
        self.interface = interface
        self.function = function
        self.scope = scope
        self.detail = detail
        self.isScoped = scope != nil || detail != nil
        ordinal = Self.ordinals.add(1, ordering: .relaxed).newValue
    }

    public static func == (lhs: CapabilityRule, rhs: CapabilityRule) -> Bool {
        lhs.interface == rhs.interface && lhs.function == rhs.function && lhs.scope == rhs.scope
            && lhs.detail == rhs.detail
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(interface)
        hasher.combine(function)
        hasher.combine(scope)
        hasher.combine(detail)
    }

    /// What tells scopes of one interface apart: the path (with the guest's name for a preopen),
    /// or the variable or address; nil when unscoped.
    var scopeKey: String? {
        if let scope { return scope.key }
        return detail?.description
    }

    /// True when this rule names the same interface, function and scope (access aside).
    func isSameTarget(as other: CapabilityRule) -> Bool {
        interface == other.interface && function == other.function && scopeKey == other.scopeKey
    }

    func applies(toFunction name: String) -> Bool {
        guard let function else { return true }
        return function == name
    }

    /// Canonical order: by interface, then interface-wide before single functions, then unscoped
    /// before scoped, then by scope path. Keeps listings stable and makes equal policies compare equal.
    static func canonicallyOrdered(_ lhs: CapabilityRule, _ rhs: CapabilityRule) -> Bool {
        if lhs.interface != rhs.interface { return lhs.interface < rhs.interface }
        if lhs.function != rhs.function {
            guard let left = lhs.function else { return true }
            guard let right = rhs.function else { return false }
            return left < right
        }
        switch (lhs.scopeKey, rhs.scopeKey) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?): return left < right
        }
    }
}
