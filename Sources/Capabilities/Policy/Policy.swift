import WasmComponent

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
    /// rule per scope, or one unscoped rule when `scopes` is empty. What a scope is depends on
    /// the interface (`InterfaceFamily`): a path, a directory for a WASI guest (`HOST[::GUEST]`),
    /// an environment variable (`NAME[=VALUE]`), a socket use and address (`tcp:connect
    /// 127.0.0.1:8080`: two words). A package name (`wasi:random`) names every interface of it
    /// the component imports.
    public func rules(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [CapabilityRule] {
        var rules: [CapabilityRule] = []
        let targets = try catalog.resolveAll(interface: capability, function: function, component: component)
        // A package granted with scopes (`wasi:sockets tcp:connect HOST:PORT`): each scope goes
        // to the interfaces of the package that take it, and the others are not granted.
        let isPackage = targets.count > 1
        for target in targets {
            let name = InterfaceName(target.interface)
            if let reason = catalog.needsNoGrant(target.interface) {
                throw .needsNoGrant(capability: catalog.displayName(of: target.interface), reason: reason)
            }
            let family = InterfaceFamily(name)
            // A WASI directory grant is held by the preopens interface, which hands it out.
            let interface = catalog.grantHolder(of: target.interface)
            let function = family == .preopens && interface != target.interface ? nil : target.function
            if scopes.isEmpty {
                rules.append(CapabilityRule(interface: interface, function: function, scope: nil))
                continue
            }
            switch family {
            case .paths, .preopens:
                for text in scopes {
                    let (path, guest) = family == .preopens ? Self.splitPreopen(text) : (text, nil)
                    if let problem = LexicalPath.problem(in: path) {
                        throw .invalidPath(path: path, problem: problem.explanation)
                    }
                    if access.isEmpty { throw .noAccess(path: path) }
                    let scope = PathScope(path: path, access: access, root: rootBytes, guest: guest)
                    rules.append(CapabilityRule(interface: interface, function: function, scope: scope))
                }
            case .environment:
                for text in scopes {
                    let detail = try Self.variable(text)
                    rules.append(CapabilityRule(interface: interface, function: function, scope: nil, detail: detail))
                }
            case .sockets:
                // `tcp:*` scopes belong to wasi:sockets/tcp, `udp:*` ones to wasi:sockets/udp.
                let all = try Self.socketScopes(scopes)
                let own = all.filter { $0.use.interface == name.unversioned }
                if own.isEmpty && !isPackage, let first = all.first {
                    throw .invalidScope(
                        text: first.description,
                        problem: "\(first.use.rawValue) is a use of \(first.use.interface), not of \(name.unversioned)")
                }
                for scope in own {
                    rules.append(
                        CapabilityRule(interface: interface, function: function, scope: nil, detail: .socket(scope)))
                }
            case .unscoped, .needsNoGrant:
                if isPackage { continue }
                throw .scopeNotApplicable(capability: catalog.displayName(of: interface), text: scopes[0])
            }
        }
        if rules.isEmpty, let first = scopes.first {
            throw .scopeNotApplicable(capability: capability, text: first)
        }
        // A package granted with scopes names its interfaces of several families; keep each rule once.
        var seen: Set<RuleTarget> = []
        return rules.filter { seen.insert(RuleTarget($0)).inserted }
    }

    /// `./data::/data` → (`./data`, `/data`); a directory given without `::GUEST` keeps its own
    /// name in the guest, as `wasmtime run --dir` does.
    static func splitPreopen(_ text: String) -> (host: String, guest: String) {
        guard let separator = text.range(of: "::") else { return (text, text) }
        return (String(text[..<separator.lowerBound]), String(text[separator.upperBound...]))
    }

    /// `HOME` or `LANG=C`.
    static func variable(_ text: String) throws(PolicyError) -> RuleDetail {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty, !name.utf8.contains(0), !text.utf8.contains(0) else {
            throw .invalidScope(text: text, problem: "a variable is written NAME or NAME=VALUE, without NUL characters")
        }
        return .variable(name: name, value: parts.count == 2 ? String(parts[1]) : nil)
    }

    /// `tcp:connect 127.0.0.1:8080 127.0.0.1:8081 udp:bind *:0`: each use word applies to the
    /// addresses after it.
    static func socketScopes(_ words: [String]) throws(PolicyError) -> [SocketScope] {
        var scopes: [SocketScope] = []
        var use: SocketScope.Use?
        for word in words {
            if let named = SocketScope.Use(rawValue: word) {
                use = named
                continue
            }
            guard let use else {
                let uses = SocketScope.Use.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidScope(text: word, problem: "name the use first (\(uses)), then the addresses")
            }
            scopes.append(try SocketScope.parse(use: use, address: word))
        }
        if let use, scopes.isEmpty || words.last.flatMap(SocketScope.Use.init(rawValue:)) != nil {
            throw .invalidScope(
                text: use.rawValue, problem: "give at least one address after it (HOST:PORT, each may be *)")
        }
        return scopes
    }

    /// The policy a component starts with when no manifest says otherwise: nothing granted but
    /// the clocks and randomness it imports (`InterfaceFamily.isGrantedByDefault`).
    public func withDefaultGrants() -> Policy {
        var policy = self
        // Not those imported for their types alone (wall-clock's `datetime`, in wasi:filesystem).
        let defaults = catalog.interfaces.filter {
            InterfaceFamily.isGrantedByDefault(InterfaceName($0.name)) && catalog.needsNoGrant($0.name) == nil
        }
        policy.add(defaults.map { CapabilityRule(interface: $0.name, function: nil, scope: nil) }, to: .grant)
        return policy
    }

    // MARK: Changing the policy

    /// Allows what the text names. Granting a scope again with more access widens it.
    @discardableResult
    public mutating func grant(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [PolicyChange] {
        add(try rules(capability, function: function, scopes: scopes, access: access), to: .grant)
    }

    /// Forbids what the text names, whatever is granted.
    @discardableResult
    public mutating func deny(
        _ capability: String, function: String? = nil, scopes: [String] = [], access: PathAccess = .read
    ) throws(PolicyError) -> [PolicyChange] {
        add(try rules(capability, function: function, scopes: scopes, access: access), to: .deny)
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

    /// Adds rules in order, with the outcome of adding them one at a time: a rule whose target
    /// (interface, function, scope path) is already held, or came earlier in `rules`, merges its
    /// access into that rule (`widened` or `unchanged`); any other takes its place in canonical
    /// order (`added`). With `reportChanges`, one change per rule, in order, with its notes (an
    /// explicit deny that still wins over a grant).
    ///
    /// Held rules are found by binary search (the lists are kept in canonical order) and new ones
    /// by hashing; the new ones are sorted once and merged in. So n held and m new rules cost
    /// O(n + m log(n + m)): a manifest with tens of thousands of scopes loads in linear-ish time,
    /// where inserting them one by one was quadratic.
    @discardableResult
    mutating func add(
        _ rules: [CapabilityRule], to list: PolicyError.RuleList, reportChanges: Bool = true
    ) -> [PolicyChange] {
        // Taken out of the policy while it changes, so that it changes in place instead of being copied.
        var held: [CapabilityRule]
        if list == .grant {
            held = grants
            grants = []
        } else {
            held = denies
            denies = []
        }
        defer { if list == .grant { grants = held } else { denies = held } }

        let verb = list == .grant ? "granted" : "denied"
        let deniesByInterface = reportChanges && list == .grant ? denyIndicesByInterface() : [:]
        var fresh: [CapabilityRule] = []
        var freshIndex: [RuleTarget: Int] = [:]
        freshIndex.reserveCapacity(rules.count)
        var changes: [PolicyChange] = []
        if reportChanges { changes.reserveCapacity(rules.count) }

        for rule in rules {
            let kind: PolicyChange.Kind
            let result: CapabilityRule
            var wasAccess: PathAccess? = nil
            if let index = Self.position(of: rule, in: held) {
                (kind, wasAccess) = Self.merge(rule, into: &held[index])
                result = held[index]
            } else if let index = freshIndex[RuleTarget(rule)] {
                (kind, wasAccess) = Self.merge(rule, into: &fresh[index])
                result = fresh[index]
            } else {
                freshIndex[RuleTarget(rule)] = fresh.count
                fresh.append(rule)
                (kind, result) = (.added, rule)
            }
            guard reportChanges else { continue }
            var notes: [String] = []
            if let wasAccess { notes.append("was \(wasAccess)") }
            if let deny = firstDeny(overlapping: rule, in: deniesByInterface) {
                notes.append("the explicit deny '\(describe(deny))' still wins")
            }
            changes.append(change(kind, list, result, kind == .unchanged ? "already \(verb)" : verb, notes: notes))
        }
        if !fresh.isEmpty {
            fresh.sort(by: CapabilityRule.canonicallyOrdered)
            held = Self.merged(held, fresh)
        }
        return changes
    }

    /// Merges `rule`'s access into `existing`, a rule for the same target: the change it makes
    /// and, when it widens the scope, the access it had before.
    private static func merge(
        _ rule: CapabilityRule, into existing: inout CapabilityRule
    ) -> (PolicyChange.Kind, PathAccess?) {
        guard let oldScope = existing.scope, let newScope = rule.scope,
            !oldScope.access.isSuperset(of: newScope.access)
        else { return (.unchanged, nil) }
        existing.scope?.access = oldScope.access.union(newScope.access)
        return (.widened, oldScope.access)
    }

    /// The index of the rule for `rule`'s target in `rules` (in canonical order), by binary search.
    static func position(of rule: CapabilityRule, in rules: [CapabilityRule]) -> Int? {
        var low = 0
        var high = rules.count
        while low < high {
            let middle = low + (high - low) / 2
            if CapabilityRule.canonicallyOrdered(rules[middle], rule) { low = middle + 1 } else { high = middle }
        }
        return low < rules.count && rules[low].isSameTarget(as: rule) ? low : nil
    }

    /// Two lists in canonical order with no target in common, as one list in canonical order.
    private static func merged(_ left: [CapabilityRule], _ right: [CapabilityRule]) -> [CapabilityRule] {
        if left.isEmpty { return right }
        var result: [CapabilityRule] = []
        result.reserveCapacity(left.count + right.count)
        var leftIndex = 0
        var rightIndex = 0
        while leftIndex < left.count && rightIndex < right.count {
            if CapabilityRule.canonicallyOrdered(right[rightIndex], left[leftIndex]) {
                result.append(right[rightIndex])
                rightIndex += 1
            } else {
                result.append(left[leftIndex])
                leftIndex += 1
            }
        }
        result.append(contentsOf: left[leftIndex...])
        result.append(contentsOf: right[rightIndex...])
        return result
    }

    /// The indices of the explicit denies of each interface, in canonical order: a grant's note
    /// looks only at the denies of its own interface.
    private func denyIndicesByInterface() -> [String: [Int]] {
        var indices: [String: [Int]] = [:]
        for (index, deny) in denies.enumerated() { indices[deny.interface, default: []].append(index) }
        return indices
    }

    /// The first explicit deny (in canonical order) that still wins over `grant`.
    private func firstDeny(overlapping grant: CapabilityRule, in indices: [String: [Int]]) -> CapabilityRule? {
        guard let candidates = indices[grant.interface] else { return nil }
        for index in candidates where Self.overlaps(denies[index], grant) { return denies[index] }
        return nil
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
