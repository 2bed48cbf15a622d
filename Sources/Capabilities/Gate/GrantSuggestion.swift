import WasmComponent

/// The minimal grants that cover a set of observed calls. For path interfaces, one per function,
/// scoped to exactly the paths used (read, or read+write when a write was seen); for WASI
/// interfaces, one per interface, scoped to the files, variables and addresses used, unscoped
/// only when a call named none (writes to stdout).
public enum GrantSuggestion {
    public struct Grant: Sendable, Equatable {
        public var interface: String
        /// Nil: the whole interface (WASI's are granted whole or by scope, never by function).
        public var function: String?
        /// Paths, variable names, socket uses and addresses, in the words `grant` takes.
        public var scopes: [String]
        public var access: PathAccess
        /// The guest asked for a list the grants make (its environment): which entries it used
        /// cannot be seen, so the user must name them. Shown, never applied.
        public var needsNames: Bool
        /// The suggestion is of directories (`wasi:filesystem/preopens`), not variables.
        public var namesDirectories: Bool { InterfaceFamily(InterfaceName(interface)) == .preopens }
    }

    /// The grants covering `calls`, leaving out calls `policy` allows already: what it would
    /// take to add to `policy`, and nothing it has.
    public static func minimalGrants(for calls: [ObservedCall], beyond policy: Policy) -> [Grant] {
        minimalGrants(
            for: calls.filter {
                !policy.decide(interface: $0.interface, function: $0.function, request: $0.request).isAllowed
            })
    }

    public static func minimalGrants(for calls: [ObservedCall]) -> [Grant] {
        var grants: [Grant] = []
        var unscoped: Set<Int> = []
        var sockets: [Int: [SocketRequest]] = [:]
        // Creating a socket needs whatever grant its use needs: that use is what is suggested.
        for call in calls where call.request != .anyGrant {
            let wasi = InterfaceFamily(InterfaceName(call.interface)) != .paths
            let function: String? = wasi ? nil : call.function
            let index =
                grants.firstIndex { $0.interface == call.interface && $0.function == function }
                ?? {
                    grants.append(
                        Grant(interface: call.interface, function: function, scopes: [], access: [], needsNames: false))
                    return grants.count - 1
                }()
            guard !unscoped.contains(index) else { continue }
            switch call.request {
            case .none:
                unscoped.insert(index)
                grants[index].scopes = []
                grants[index].access = []
                grants[index].needsNames = false
                sockets[index] = nil
            case .anyGrant: continue
            case .listing:
                grants[index].needsNames = grants[index].scopes.isEmpty && sockets[index] == nil
            case .path(let path, let access):
                if !grants[index].scopes.contains(path) { grants[index].scopes.append(path) }
                grants[index].access.formUnion(access)
                grants[index].needsNames = false
            case .variable(let name):
                if !grants[index].scopes.contains(name) { grants[index].scopes.append(name) }
                grants[index].needsNames = false
            case .socket(let request):
                if !sockets[index, default: []].contains(request) { sockets[index, default: []].append(request) }
                grants[index].needsNames = false
            }
        }
        for (index, requests) in sockets { grants[index].scopes = socketWords(requests) }
        return grants
    }

    /// `tcp:connect 127.0.0.1:8080 [::1]:80 udp:send ...`: each use once, then its addresses.
    private static func socketWords(_ requests: [SocketRequest]) -> [String] {
        var words: [String] = []
        for use in SocketScope.Use.allCases {
            let addresses = requests.filter { $0.use == use }
            guard !addresses.isEmpty else { continue }
            words.append(use.rawValue)
            for request in addresses {
                words.append("\(request.host.contains(":") ? "[\(request.host)]" : request.host):\(request.port)")
            }
        }
        return words
    }

    /// Applies suggestions to a policy (grants only; existing rules stay). Suggestions that need
    /// the user to name entries are left out.
    public static func apply(_ grants: [Grant], to policy: inout Policy) throws -> [PolicyChange] {
        var changes: [PolicyChange] = []
        for grant in grants where !grant.needsNames {
            changes += try policy.grant(
                grant.interface, function: grant.function, scopes: grant.scopes,
                access: grant.access.isEmpty ? .read : grant.access)
        }
        return changes
    }
}
