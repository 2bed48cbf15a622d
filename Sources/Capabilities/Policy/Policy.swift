/// The capabilities of one component: what it may call on the host, and what it may not.
///
/// A pure value: no I/O, so it can be copied, compared, saved and tested freely. Deny by default:
/// a fresh policy allows nothing. A grant names an imported interface, optionally one function,
/// optionally a path scope; an explicit deny has the same shape and always wins over grants.
/// Revoking removes exactly what it names and nothing else.
///
/// Interface names are resolved against the component's imports (`catalog`) when rules are made,
/// so `filesystem` and `sandbox:skill/filesystem` are the same capability, and the rules store the
/// full import name: `decide` then compares names only.
public struct Policy: Hashable, Sendable {
    /// What never changes after creation, behind one reference so that copying a policy (the
    /// host does, on every call) costs three retains, not a dozen.
    final class Context: Hashable, Sendable {
        let component: String
        let catalog: ImportCatalog
        let root: String
        /// The root's cleaned absolute form as bytes (see `PathScope.absoluteBytes`).
        let rootBytes: [UInt8]

        init(component: String, catalog: ImportCatalog, root: String) {
            self.component = component
            self.catalog = catalog
            self.root = root
            self.rootBytes = LexicalPath.cleanedAbsoluteBytes(of: root, root: [])
        }

        static func == (lhs: Context, rhs: Context) -> Bool {
            lhs === rhs || (lhs.component == rhs.component && lhs.catalog == rhs.catalog && lhs.root == rhs.root)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(component)
            hasher.combine(root)
        }
    }

    let context: Context
    /// Grants in canonical order (interface, function, scope).
    public private(set) var grants: [CapabilityRule] = []
    /// Explicit denies in canonical order.
    public private(set) var denies: [CapabilityRule] = []

    public var component: String { context.component }
    public var catalog: ImportCatalog { context.catalog }
    /// The session root that relative scopes and relative requested paths resolve against.
    public var root: String { context.root }
    var rootBytes: [UInt8] { context.rootBytes }

    public init(component: String, catalog: ImportCatalog, root: String) throws(PolicyError) {
        guard LexicalPath.isAbsolute(root) else { throw .rootNotAbsolute(root: root) }
        if let problem = LexicalPath.problem(in: root) {
            throw .invalidPath(path: root, problem: problem.explanation)
        }
        context = Context(component: component, catalog: catalog, root: root)
    }

    /// Resolves capability text (`filesystem`, `sandbox:skill/filesystem@0.1.0.read-file`) against the imports.
    public func resolve(_ capability: String) throws(PolicyError) -> CapabilityTarget {
        try catalog.resolve(capability, component: component)
    }

    /// The rules that capability text, an optional separate function name and scopes name: one
    /// rule per scope, or one unscoped rule when `scopes` is empty.
    public func rules(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [CapabilityRule] {
        let target = try catalog.resolve(interface: capability, function: function, component: component)
        if scopes.isEmpty {
            return [CapabilityRule(interface: target.interface, function: target.function, scope: nil)]
        }
        var rules: [CapabilityRule] = []
        for path in scopes {
            if let problem = LexicalPath.problem(in: path) {
                throw .invalidPath(path: path, problem: problem.explanation)
            }
            if access.isEmpty { throw .noAccess(path: path) }
            let scope = PathScope(path: path, access: access, root: rootBytes)
            rules.append(CapabilityRule(interface: target.interface, function: target.function, scope: scope))
        }
        return rules
    }

    // MARK: Changing the policy

    /// Allows what the text names. Granting a scope again with more access widens it.
    @discardableResult
    public mutating func grant(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [PolicyChange] {
        try rules(capability, function: function, scopes: scopes, access: access).map { add($0, to: .grant) }
    }

    /// Forbids what the text names, whatever is granted.
    @discardableResult
    public mutating func deny(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [PolicyChange] {
        try rules(capability, function: function, scopes: scopes, access: access).map { add($0, to: .deny) }
    }

    /// Removes exactly the grants named: without scopes the unscoped grant, with scopes those scopes
    /// (all their access, or only `access` when given). Naming something not granted is an error
    /// that lists what is granted, and nothing changes.
    @discardableResult
    public mutating func revoke(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess? = nil
    ) throws(PolicyError) -> [PolicyChange] {
        try remove(
            rules(capability, function: function, scopes: scopes, access: access ?? .readWrite),
            from: .grant, onlyAccess: access)
    }

    /// Removes exactly the explicit denies named, like `revoke` does for grants.
    @discardableResult
    public mutating func removeDeny(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess? = nil
    ) throws(PolicyError) -> [PolicyChange] {
        try remove(
            rules(capability, function: function, scopes: scopes, access: access ?? .readWrite),
            from: .deny, onlyAccess: access)
    }

    /// Removes every grant of the interface the text names: unscoped, scoped and per function.
    @discardableResult
    public mutating func revokeAll(_ capability: String) throws(PolicyError) -> [PolicyChange] {
        let target = try resolve(capability)
        let matching = grants.filter {
            $0.interface == target.interface && (target.function == nil || $0.function == target.function)
        }
        if matching.isEmpty {
            throw .notHeld(component: component, list: .grant, named: capability, held: grants.map(describe))
        }
        grants.removeAll {
            $0.interface == target.interface && (target.function == nil || $0.function == target.function)
        }
        return matching.map { change(.removed, .grant, $0, "revoked") }
    }

    /// Adds one rule (merging access into an existing rule for the same scope).
    @discardableResult
    mutating func add(_ rule: CapabilityRule, to list: PolicyError.RuleList) -> PolicyChange {
        var rules = list == .grant ? grants : denies
        defer { if list == .grant { grants = rules } else { denies = rules } }
        let verb = list == .grant ? "granted" : "denied"
        var notes: [String] = []
        if list == .grant, let deny = denies.first(where: { Self.overlaps($0, rule) }) {
            notes.append("the explicit deny '\(describe(deny))' still wins")
        }
        if let index = rules.firstIndex(where: { $0.isSameTarget(as: rule) }) {
            let existing = rules[index]
            guard let oldScope = existing.scope, let newScope = rule.scope,
                !oldScope.access.isSuperset(of: newScope.access)
            else {
                return change(.unchanged, list, existing, "already \(verb)", notes: notes)
            }
            rules[index].scope?.access = oldScope.access.union(newScope.access)
            notes.insert("was \(oldScope.access)", at: 0)
            return change(.widened, list, rules[index], verb, notes: notes)
        }
        let position = rules.firstIndex { CapabilityRule.canonicallyOrdered(rule, $0) } ?? rules.endIndex
        rules.insert(rule, at: position)
        return change(.added, list, rule, verb, notes: notes)
    }

    /// Removes rules exactly; validates all of them first so a failing revoke changes nothing.
    mutating func remove(
        _ named: [CapabilityRule], from list: PolicyError.RuleList, onlyAccess: PathAccess?
    ) throws(PolicyError) -> [PolicyChange] {
        var rules = list == .grant ? grants : denies
        var changes: [PolicyChange] = []
        for rule in named {
            guard let index = rules.firstIndex(where: { $0.isSameTarget(as: rule) }) else {
                throw .notHeld(
                    component: component, list: list, named: describe(rule, access: onlyAccess),
                    held: rules.map(describe))
            }
            let existing = rules[index]
            if let scope = existing.scope, let onlyAccess, onlyAccess != scope.access {
                guard scope.access.isSuperset(of: onlyAccess) else {
                    throw .accessNotHeld(
                        component: component, list: list, named: describe(rule, access: onlyAccess),
                        held: scope.access.description)
                }
                rules[index].scope?.access = scope.access.subtracting(onlyAccess)
                let removedVerb = list == .grant ? "revoked" : "removed deny"
                changes.append(
                    change(
                        .narrowed, list, rules[index], removedVerb,
                        notes: ["\(scope.access.subtracting(onlyAccess)) remains"],
                        shown: describe(rule, access: onlyAccess)))
            } else {
                rules.remove(at: index)
                changes.append(change(.removed, list, existing, list == .grant ? "revoked" : "removed deny"))
            }
        }
        if list == .grant { grants = rules } else { denies = rules }
        return changes
    }

    private func change(
        _ kind: PolicyChange.Kind, _ list: PolicyError.RuleList, _ rule: CapabilityRule, _ verb: String,
        notes: [String] = [], shown: String? = nil
    ) -> PolicyChange {
        PolicyChange(
            kind: kind, list: list, rule: rule,
            summary: "\(verb) \(component): \(shown ?? describe(rule))", notes: notes)
    }

    /// Whether a deny and a grant can apply to the same call.
    static func overlaps(_ deny: CapabilityRule, _ grant: CapabilityRule) -> Bool {
        guard deny.interface == grant.interface else { return false }
        if let denied = deny.function, let granted = grant.function, denied != granted { return false }
        guard let denyScope = deny.scope, let grantScope = grant.scope else { return true }
        return !denyScope.access.isDisjoint(with: grantScope.access)
            && (denyScope.covers(grantScope) || grantScope.covers(denyScope))
    }
}
