/// A host call seen in watch mode: what was asked, and what the policy would have said.
public struct ObservedCall: Sendable, Equatable {
    public var interface: String
    public var function: String
    public var request: ScopeRequest
    public var wouldAllow: Bool
}

/// The minimal grants that cover a set of observed calls: one per interface function, scoped
/// to exactly the paths used (read, or read+write when a write was seen), unscoped only for
/// calls that name no path.
public enum GrantSuggestion {
    public struct Grant: Sendable, Equatable {
        public var interface: String
        public var function: String
        public var paths: [String]
        public var access: PathAccess
    }

    public static func minimalGrants(for calls: [ObservedCall]) -> [Grant] {
        var grants: [Grant] = []
        for call in calls {
            let index = grants.firstIndex { $0.interface == call.interface && $0.function == call.function }
            var grant =
                index.map { grants[$0] }
                ?? Grant(interface: call.interface, function: call.function, paths: [], access: [])
            switch call.request {
            // Creating a socket needs whatever grant its use needs: that use is suggested.
            case .anyGrant: continue
            case .none, .variable, .socket:
                grant.paths = []
                grant.access = []  // unscoped: no path to tighten to
            case .path(let path, let access):
                let wasUnscoped = index != nil && grant.paths.isEmpty && grant.access.isEmpty
                if !wasUnscoped {
                    if !grant.paths.contains(path) { grant.paths.append(path) }
                    grant.access.formUnion(access)
                }
            }
            if let index { grants[index] = grant } else { grants.append(grant) }
        }
        return grants
    }

    /// Applies suggestions to a policy (grants only; existing rules stay).
    public static func apply(_ grants: [Grant], to policy: inout Policy) throws -> [PolicyChange] {
        var changes: [PolicyChange] = []
        for grant in grants {
            changes += try policy.grant(
                grant.interface, function: grant.function, scopes: grant.paths,
                access: grant.access.isEmpty ? .read : grant.access)
        }
        return changes
    }
}
