/// What a component's policy says about one imported interface, as the imports pane shows it.
enum InspectorGrantState: Equatable, Sendable {
    /// At least one grant; each scope in `grants`/`imports` wording (`all`, `read ./demo.txt`,
    /// `read-file all`).
    case granted(scopes: [String])
    /// No grant: every call is refused.
    case denied
    /// The shell has no host for it: calls fail whatever the policy says.
    case notProvided
    /// An interface imported for its types alone: nothing of it is called, nothing to grant.
    case typesOnly
    /// It acts only on what the component already holds, or gives nothing (wasi:io, exit).
    case noGrantNeeded(reason: String)

    var label: String {
        switch self {
        case .granted(let scopes): return "GRANTED (" + scopes.joined(separator: ", ") + ")"
        case .denied: return "DENIED"
        case .notProvided: return "NOT PROVIDED"
        case .typesOnly: return "TYPES ONLY"
        case .noGrantNeeded: return "NO GRANT NEEDED"
        }
    }
}
