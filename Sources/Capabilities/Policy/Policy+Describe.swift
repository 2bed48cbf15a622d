import WasmComponent

extension Policy {
    /// A rule in the shell's words: `filesystem`, `filesystem.read-file`, `filesystem read ./demo.txt`.
    public func describe(_ rule: CapabilityRule) -> String {
        describe(rule, access: nil)
    }

    func describe(_ rule: CapabilityRule, access: PathAccess?) -> String {
        // Directories for a WASI guest are granted on the preopens interface, as wasi:filesystem.
        var text =
            InterfaceFamily(InterfaceName(rule.interface)) == .preopens
            ? "wasi:filesystem" : catalog.displayName(of: rule.interface)
        if let function = rule.function { text += "." + function }
        // Paths and values may come from a manifest: nothing in them reaches a terminal raw.
        if let scope = rule.scope { text += " \(access ?? scope.access) \(ControlCharacterEscaper.escaped(scope.key))" }
        if let detail = rule.detail { text += " " + ControlCharacterEscaper.escaped(detail.description) }
        return text
    }

    /// The message a guest receives when the call is denied (the error value of a
    /// `result<_, string>`, or the trap message).
    public func denialMessage(_ reason: DenialReason) -> String {
        switch reason {
        case .missingCapability(let interface):
            return
                "Permission denied: component '\(component)' does not have \(catalog.displayName(of: interface)) capability"
        case .functionNotGranted(let interface, let function):
            return
                "Permission denied: component '\(component)' does not have \(catalog.displayName(of: interface)).\(function) capability"
        case .outsideScopes(let path, let access, let scopes):
            let what = access == .read ? "\(QuotedPath(path))" : "\(access) access to \(QuotedPath(path))"
            return "Permission denied: \(what) is outside the granted \(Self.scopeList(scopes))"
        case .scopedGrantsOnly(let interface, let function, let scopes):
            return
                "Permission denied: component '\(component)' may call \(catalog.displayName(of: interface)).\(function) "
                + "only on paths within its granted \(Self.scopeList(scopes))"
        case .explicitlyDenied(let rule, let path):
            if let scope = rule.scope, let path {
                return "Permission denied: \(QuotedPath(path)) is inside the denied scope (\(scope))"
            }
            return "Permission denied: component '\(component)' is denied \(describe(rule)) capability"
        case .notAmongScopes(let requested, let scopes):
            return "Permission denied: \(QuotedPath(requested)) is not among the granted \(Self.detailList(scopes))"
        case .userDenied:
            return "Permission denied: the user refused this call"
        }
    }

    /// The short reason shown on audit lines and in the stepper: `no filesystem capability`,
    /// `outside ./demo.txt`.
    public func shortReason(_ reason: DenialReason) -> String {
        switch reason {
        case .missingCapability(let interface):
            return "no \(catalog.displayName(of: interface)) capability"
        case .functionNotGranted(let interface, let function):
            return "\(catalog.displayName(of: interface)).\(function) not granted"
        case .outsideScopes(let path, let access, let scopes):
            // Inside a scope that lacks the access asked for (a write in a read-only preopen):
            // say that, not "outside".
            let request = LexicalPath.cleanedAbsoluteBytes(of: path, root: rootBytes)
            let covering = request.withUnsafeBufferPointer { request in scopes.filter { $0.covers(request) } }
            if !covering.isEmpty {
                return "\(access) not granted in " + covering.map(\.description).joined(separator: ", ")
            }
            return "outside " + scopes.map(\.description).joined(separator: ", ")
        case .scopedGrantsOnly(_, _, let scopes):
            return "no path, scoped to " + scopes.map(\.description).joined(separator: ", ")
        case .explicitlyDenied(let rule, _):
            return "denied by '\(describe(rule))'"
        case .notAmongScopes(let requested, let scopes):
            return "\(requested) not among " + scopes.map(\.description).joined(separator: ", ")
        case .userDenied:
            return "denied once by the user"
        }
    }

    /// The basis of a decision for the audit log: the grant that allowed it or the short reason.
    public func basis(of decision: Decision) -> String {
        switch decision {
        case .allow(let rule): return "grant " + describe(rule)
        case .deny(let reason): return shortReason(reason)
        }
    }

    static func detailList(_ scopes: [RuleDetail]) -> String {
        (scopes.count == 1 ? "scope (" : "scopes (") + scopes.map(\.description).joined(separator: ", ") + ")"
    }

    static func scopeList(_ scopes: [PathScope]) -> String {
        (scopes.count == 1 ? "scope (" : "scopes (") + scopes.map(\.description).joined(separator: ", ") + ")"
    }
}
