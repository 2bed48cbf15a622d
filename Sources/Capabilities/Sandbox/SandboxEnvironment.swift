import WasmRuntime

/// What every component of a session shares: the hosts that serve imports, the audit log, and
/// the filesystem root.
public final class SandboxEnvironment {
    public let hosts: [any HostInterface]
    public let audit: AuditLog
    public let fileSystem: SandboxedFileSystem
    /// Budgets for components loaded from now on.
    public var limits = ComponentLimits.default
    /// Ctrl-C reaches running guests through this.
    public let interrupts = InterruptBroadcaster()

    public init(root: String? = nil, audit: AuditLog = AuditLog(), extraHosts: [any HostInterface] = []) throws {
        let fileSystem = try SandboxedFileSystem(root: root)
        self.fileSystem = fileSystem
        self.audit = audit
        self.hosts = [FilesystemHost(fileSystem: fileSystem)] + extraHosts
    }

    var providedInterfaces: Set<String> { Set(hosts.map(\.interfaceName)) }
}
