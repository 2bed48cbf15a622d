import WasmRuntime

/// What every component of a session shares: the hosts that serve imports, the audit log, and
/// the filesystem root.
public final class SandboxEnvironment {
    public let hosts: [any HostInterface]
    public let audit: AuditLog
    public let fileSystem: any FileSystemAccess
    /// Budgets for components loaded from now on.
    public var limits = ComponentLimits.default
    /// Ctrl-C reaches running guests through this.
    public let interrupts = InterruptBroadcaster()
    /// Where each component's standard output and error go (by its name): nowhere unless set.
    public var guestOutput: (String) -> any GuestOutput = { _ in DiscardedGuestOutput() }

    /// The real file system, rooted at `root` (default: the working directory).
    public convenience init(root: String? = nil, audit: AuditLog = AuditLog(), extraHosts: [any HostInterface] = [])
        throws
    {
        try self.init(fileSystem: SandboxedFileSystem(root: root), audit: audit, extraHosts: extraHosts)
    }

    public init(fileSystem: any FileSystemAccess, audit: AuditLog = AuditLog(), extraHosts: [any HostInterface] = []) {
        self.fileSystem = fileSystem
        self.audit = audit
        self.hosts = [FilesystemHost(fileSystem: fileSystem)] + WASIHosts.all + extraHosts
    }
}
