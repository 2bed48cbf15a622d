import WasmComponent

/// Why a policy change could not be made. `description` is the message for the user.
public enum PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownInterface(component: String, text: String, imports: [String])
    case ambiguousInterface(component: String, text: String, candidates: [String])
    case unknownFunction(component: String, interface: String, function: String, available: [String])
    case functionGivenTwice(text: String, function: String)
    /// The interface holds types only: the component calls nothing of it, so nothing can be granted.
    case typesOnly(component: String, text: String, interface: String)
    case invalidPath(path: String, problem: String)
    /// A scope of another kind (a variable, an address) that cannot be read.
    case invalidScope(text: String, problem: String)
    /// A scope given to a capability that takes none: it is all or nothing.
    case scopeNotApplicable(capability: String, text: String)
    /// A grant of an interface whose functions need none (`ImportCatalog.needsNoGrant`).
    case needsNoGrant(capability: String, reason: String)
    case noAccess(path: String)
    case rootNotAbsolute(root: String)
    /// A revoke (or un-deny) named something the policy does not hold; `held` lists what it does hold.
    case notHeld(component: String, list: RuleList, named: String, held: [String])
    /// A revoke of some access on a scope that has only other access.
    case accessNotHeld(component: String, list: RuleList, named: String, held: String)

    public enum RuleList: String, Hashable, Sendable {
        case grant, deny
    }

    public var description: String {
        switch self {
        case .unknownInterface(let component, let text, let imports):
            let list = imports.isEmpty ? "it imports nothing" : "its imports: " + imports.joined(separator: ", ")
            let shortNames = imports.map { String(InterfaceName($0).short) }
            let names = imports.indices.map { index in
                shortNames.filter { $0 == shortNames[index] }.count == 1 ? shortNames[index] : imports[index]
            }
            let hint = Suggestions.didYouMean(text, among: names).map { "; \($0)" } ?? ""
            return "component '\(component)' does not import '\(text)'\(hint) (\(list))"
        case .ambiguousInterface(let component, let text, let candidates):
            return "'\(text)' is ambiguous for component '\(component)': it could be "
                + candidates.joined(separator: " or ") + "; write the full name"
        case .unknownFunction(let component, let interface, let function, let available):
            let list = available.isEmpty ? "it has no functions" : "its functions: " + available.joined(separator: ", ")
            let hint = Suggestions.didYouMean(function, among: available).map { "; \($0)" } ?? ""
            return "interface '\(interface)' of component '\(component)' has no function '\(function)'\(hint) (\(list))"
        case .typesOnly(let component, let text, let interface):
            let named = text == interface ? "'\(text)'" : "'\(text)' (\(interface))"
            return "\(named) holds only types, no functions: component '\(component)' calls nothing of it, "
                + "so there is nothing to grant or deny"
        case .functionGivenTwice(let text, let function):
            return "'\(text)' already names a function; cannot also restrict it to '\(function)'"
        case .invalidPath(let path, let problem):
            return "invalid path \(QuotedPath(path)): it \(problem)"
        case .invalidScope(let text, let problem):
            return "invalid scope \(QuotedPath(text)): \(problem)"
        case .scopeNotApplicable(let capability, let text):
            return "\(capability) takes no scope (\(QuotedPath(text))): grant it whole, or not at all"
        case .needsNoGrant(let capability, let reason):
            return "\(capability) needs no grant: \(reason)"
        case .noAccess(let path):
            return "scope \(QuotedPath(path)) must allow read, write or both"
        case .rootNotAbsolute(let root):
            return "the session root must be an absolute path, not \(QuotedPath(root))"
        case .notHeld(let component, let list, let named, let held):
            let verb = list == .grant ? "grant" : "deny"
            let plural = list == .grant ? "grants" : "denies"
            let what =
                held.isEmpty
                ? "it has no \(plural)"
                : "its \(plural): " + held.joined(separator: ", ")
            return "component '\(component)' has no \(verb) '\(named)' to remove (\(what))"
        case .accessNotHeld(let component, let list, let named, let held):
            let verb = list == .grant ? "grant" : "deny"
            return "component '\(component)' has no \(verb) '\(named)' to remove (that scope has \(held) only)"
        }
    }
}
