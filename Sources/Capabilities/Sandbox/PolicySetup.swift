/// How a component's first policy is made, in one place: from nothing (deny by default), from
/// the policy of an instance it replaces, or from a manifest, and then the grants asked for on
/// the command line on top.
public struct PolicySetup: Sendable {
    /// A manifest to apply.
    public struct ManifestFile: Sendable {
        public var path: String
        /// When the manifest names a component, it must be this one (nil: not checked).
        public var expectedComponent: String?

        public init(path: String, expectedComponent: String?) {
            self.path = path
            self.expectedComponent = expectedComponent
        }
    }

    public var manifest: ManifestFile?
    /// Start from this policy instead (a reload keeps the policy it had).
    public var startingPolicy: Policy?
    public var grants: [GrantRequest]

    public init(manifest: ManifestFile? = nil, startingPolicy: Policy? = nil, grants: [GrantRequest] = []) {
        self.manifest = manifest
        self.startingPolicy = startingPolicy
        self.grants = grants
    }

    /// Deny by default: nothing granted.
    public static let none = PolicySetup()

    /// The policy for `component`, whose imports are `catalog`, with relative paths against `root`.
    func policy(component: String, catalog: ImportCatalog, root: String) throws -> Policy {
        var policy: Policy
        if let startingPolicy {
            policy = startingPolicy
        } else if let manifest {
            policy = try Manifest.load(contentsOf: manifest.path).policy(
                component: component, catalog: catalog, root: root, expectedComponent: manifest.expectedComponent)
        } else {
            policy = try Policy(component: component, catalog: catalog, root: root)
        }
        for grant in grants { try grant.apply(to: &policy) }
        return policy
    }
}
