/// How a component's first policy is made, in one place: from nothing (deny by default, but for
/// the clocks and randomness it imports: `InterfaceFamily.isGrantedByDefault`), from
/// the policy of an instance it replaces, or from a manifest, and then the grants asked for on
/// the command line on top.
///
/// A manifest's grants belong to one binary under one name: when it names a component
/// (`component = "trusted"`) that name must be the one the component is loaded under, and when
/// `save` pinned it to a binary (`sha256 = "..."`) only that binary gets its grants; another
/// one loads with nothing granted, and the report says why.
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

    /// The policy for `component`, whose imports are `catalog`, with relative paths against
    /// `root`; `binaryDigest` gives the SHA-256 of the binary being loaded (asked only to check a
    /// manifest's pin).
    func policy(component: String, catalog: ImportCatalog, root: String, binaryDigest: () -> String) throws
        -> (policy: Policy, manifest: ManifestReport?, skipped: [GrantRequest])
    {
        var policy = try Policy(component: component, catalog: catalog, root: root).withDefaultGrants()
        var report: ManifestReport?
        if let startingPolicy {
            policy = startingPolicy
        } else if let file = manifest {
            let manifest = try Manifest.load(contentsOf: file.path)
            let pin: ManifestReport.Pin
            if let pinned = manifest.sha256 {
                let actual = binaryDigest()
                pin = pinned == actual ? .matches : .mismatch(pinned: pinned, actual: actual)
            } else {
                pin = .notPinned
            }
            // A manifest says everything the component is granted, defaults included.
            let applied = try manifest.policy(
                component: component, catalog: catalog, root: root, expectedComponent: file.expectedComponent)
            if case .mismatch = pin {} else { policy = applied }
            report = ManifestReport(path: file.path, pin: pin)
        }
        var skipped: [GrantRequest] = []
        for grant in grants {
            do {
                try grant.apply(to: &policy)
            } catch let error {
                guard case .unknownInterface = error, grant.isOptional else { throw error }
                skipped.append(grant)
            }
        }
        return (policy, report, skipped)
    }
}

/// What became of the manifest a component was loaded with.
public struct ManifestReport: Sendable, Equatable {
    public enum Pin: Sendable, Equatable {
        /// The manifest names no binary: its grants go to whatever is loaded under the name.
        case notPinned
        /// The manifest is pinned to exactly this binary: its grants apply.
        case matches
        /// The manifest is pinned to another binary: none of its grants apply.
        case mismatch(pinned: String, actual: String)
    }

    public let path: String
    public let pin: Pin

    /// Whether the manifest's grants were applied.
    public var isApplied: Bool {
        if case .mismatch = pin { return false }
        return true
    }
}
