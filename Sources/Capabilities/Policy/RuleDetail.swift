/// A scope that is not a path: which environment variable a component may read, which socket
/// address it may reach.
public enum RuleDetail: Hashable, Sendable, CustomStringConvertible {
    /// `HOME` (wasmsh's own value is passed) or `LANG=C` (this value).
    case variable(name: String, value: String?)
    /// `tcp:connect 127.0.0.1:8080`.
    case socket(SocketScope)

    public var description: String {
        switch self {
        case .variable(let name, let value?): "\(name)=\(value)"
        case .variable(let name, nil): name
        case .socket(let scope): scope.description
        }
    }

    /// Whether this scope covers `request`.
    func covers(_ request: ScopeRequest) -> Bool {
        switch (self, request) {
        case (.variable(let name, _), .variable(let requested)): name == requested
        case (.socket(let scope), .socket(let requested)): scope.covers(requested)
        case (_, .listing): true
        default: false
        }
    }
}
