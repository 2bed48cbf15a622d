import Capabilities

extension WASIFixture {
    /// A component from its bytes (one unpacked, or built by a test), loaded as `name`.
    init(
        bytes: [UInt8], name: String, grants: [GrantRequest] = [], root: String? = nil,
        manifest: PolicySetup.ManifestFile? = nil, configure: (SandboxEnvironment) -> Void = { _ in }
    ) throws {
        let audit = AuditLog()
        let environment = try SandboxEnvironment(root: root, audit: audit)
        configure(environment)
        self.environment = environment
        let output = CapturedGuestOutput()
        environment.guestOutput = { _ in output }
        self.output = output
        self.audit = audit
        component = try SandboxedComponent(
            bytes: bytes, name: name, environment: environment,
            policy: PolicySetup(manifest: manifest, grants: grants))
    }
}
