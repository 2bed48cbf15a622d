extension Policy {
    /// Decides one host call. On the hot path: no heap allocation and no reference counting for
    /// allowed calls; a path is cleaned into a stack buffer, and only when a scoped rule of the
    /// interface needs to look at it. Denials build their reason (an array of scopes at most).
    ///
    /// Order: an explicit deny that matches wins; then an unscoped grant (interface-wide before
    /// per-function); then the broadest scoped grant that covers the path with the access asked for.
    /// Otherwise the reason says what was missing.
    public func decide(interface: String, function: String, request: ScopeRequest = .none) -> Decision {
        switch request {
        case .variable, .socket, .listing:
            return decideDetail(interface: interface, function: function, request: request)
        case .anyGrant: return decideAnyGrant(interface: interface)
        case .none, .path: break
        }
        guard case .path(let path, _) = request, hasScopedRule(for: interface) else {
            return evaluate(interface: interface, function: function, request: request, cleanedPath: nil)
        }
        return context.rootBytes.withUnsafeBufferPointer { root in
            LexicalPath.withCleanedAbsoluteBytes(of: path, root: root) { cleaned in
                evaluate(interface: interface, function: function, request: request, cleanedPath: cleaned)
            }
        }
    }

    private func hasScopedRule(for interface: String) -> Bool {
        denies.withUnsafeBufferPointer { rules in
            rules.contains { $0.isScoped && $0.interface == interface }
        }
            || grants.withUnsafeBufferPointer { rules in
                rules.contains { $0.isScoped && $0.interface == interface }
            }
    }

    /// Works on the rules in place (buffer pointers, indices) and copies only the rule that
    /// decides: copying every rule it looks at would cost several retains and releases each.
    private func evaluate(
        interface: String, function: String, request: ScopeRequest, cleanedPath: UnsafeBufferPointer<UInt8>?
    ) -> Decision {
        var requestAccess: PathAccess = []
        if case .path(_, let access) = request { requestAccess = access }

        let denied: Int? = denies.withUnsafeBufferPointer { rules in
            for index in rules.indices
            where rules[index].interface == interface && rules[index].applies(toFunction: function) {
                guard rules[index].isScoped else { return index }
                if let cleanedPath, let scope = rules[index].scope,
                    !scope.access.isDisjoint(with: requestAccess), scope.covers(cleanedPath)
                {
                    return index
                }
            }
            return nil
        }
        if let denied {
            let rule = denies[denied]
            if rule.scope != nil, case .path(let path, _) = request {
                return .deny(.explicitlyDenied(rule, path: path))
            }
            return .deny(.explicitlyDenied(rule, path: nil))
        }

        var interfaceGranted = false
        var functionGranted = false
        var unscoped: Int? = nil
        var broadestScoped: Int? = nil
        grants.withUnsafeBufferPointer { rules in
            var broadestLength = Int.max
            for index in rules.indices where rules[index].interface == interface {
                interfaceGranted = true
                guard rules[index].applies(toFunction: function) else { continue }
                functionGranted = true
                guard rules[index].isScoped else {
                    if unscoped == nil || rules[index].function == nil { unscoped = index }
                    continue
                }
                guard let cleanedPath, let scope = rules[index].scope, scope.access.isSuperset(of: requestAccess),
                    scope.absoluteBytes.count < broadestLength, scope.covers(cleanedPath)
                else { continue }
                // Scopes covering the same path are prefixes of it: the shortest is the broadest.
                broadestScoped = index
                broadestLength = scope.absoluteBytes.count
            }
        }
        if let unscoped { return .allow(grants[unscoped]) }
        if let broadestScoped { return .allow(grants[broadestScoped]) }
        if !interfaceGranted { return .deny(.missingCapability(interface: interface)) }
        if !functionGranted { return .deny(.functionNotGranted(interface: interface, function: function)) }

        let scopes = grants.compactMap { grant -> PathScope? in
            grant.interface == interface && grant.applies(toFunction: function) ? grant.scope : nil
        }
        switch request {
        case .none, .variable, .socket, .listing, .anyGrant:
            return .deny(.scopedGrantsOnly(interface: interface, function: function, scopes: scopes))
        case .path(let path, let access):
            return .deny(.outsideScopes(path: path, access: access, scopes: scopes))
        }
    }

    /// A variable or an address: a deny that covers it wins, then an unscoped grant or one whose
    /// scope covers it. (Not on the path fast path: such calls are few.)
    private func decideDetail(interface: String, function: String, request: ScopeRequest) -> Decision {
        // A listing is refused only by a deny of everything; the host leaves out what the
        // narrower denies name.
        if let deny = denies.first(where: {
            $0.interface == interface && $0.applies(toFunction: function)
                && (request == .listing ? !$0.isScoped : ($0.detail?.covers(request) ?? true))
        }) {
            return .deny(.explicitlyDenied(deny, path: nil))
        }
        let relevant = grants.filter { $0.interface == interface }
        if relevant.isEmpty { return .deny(.missingCapability(interface: interface)) }
        let forFunction = relevant.filter { $0.applies(toFunction: function) }
        if forFunction.isEmpty { return .deny(.functionNotGranted(interface: interface, function: function)) }
        if let grant = forFunction.first(where: { $0.detail == nil && $0.scope == nil })
            ?? forFunction.first(where: { $0.detail?.covers(request) == true || (request == .listing) })
        {
            return .allow(grant)
        }
        let requested: String =
            switch request {
            case .variable(let name): name
            case .socket(let socket): socket.description
            case .none, .path, .listing, .anyGrant: ""
            }
        return .deny(.notAmongScopes(requested: requested, scopes: forFunction.compactMap(\.detail)))
    }

    /// Any grant of the interface (the first in canonical order: an unscoped one if there is
    /// one), unless an explicit deny takes the whole interface away.
    private func decideAnyGrant(interface: String) -> Decision {
        if let deny = denies.first(where: { $0.interface == interface && $0.function == nil && !$0.isScoped }) {
            return .deny(.explicitlyDenied(deny, path: nil))
        }
        guard let grant = grants.first(where: { $0.interface == interface }) else {
            return .deny(.missingCapability(interface: interface))
        }
        return .allow(grant)
    }

    /// The scopes explicitly denied for calls of `function` that need `access`: the filesystem checks
    /// what it reaches through symbolic links against them.
    public func deniedScopes(interface: String, function: String, access: PathAccess) -> [PathScope] {
        denies.compactMap { deny -> PathScope? in
            guard deny.interface == interface, deny.applies(toFunction: function),
                let scope = deny.scope, !scope.access.isDisjoint(with: access)
            else { return nil }
            return scope
        }
    }
}
