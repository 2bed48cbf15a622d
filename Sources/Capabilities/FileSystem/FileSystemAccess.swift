/// What the filesystem host needs from a file system: a text file read within the scope of the
/// grant that allowed the call, reaching nothing an explicit deny covers. The real one is
/// `SandboxedFileSystem`; `InMemoryFileSystem` stands in for it where a test or a benchmark wants
/// no disk.
public protocol FileSystemAccess: AnyObject, Sendable {
    /// The absolute directory relative paths resolve against.
    var rootPath: String { get }
    /// Reads `path` if it lies within `scope` (nil: anywhere) and reaches nothing in `denied`.
    /// Errors are the messages a guest receives.
    func readText(_ path: String, within scope: PathScope?, excluding denied: [PathScope]) -> Result<
        String, FileAccessError
    >
}
