import Synchronization

/// A file system of text files held in memory, for tests and benchmarks: paths are cleaned
/// lexically against `rootPath` and compared by whole names, as the policy does. It has no
/// directories of its own, no symbolic links and no size or encoding limits to enforce.
public final class InMemoryFileSystem: FileSystemAccess {
    public let rootPath: String
    private let rootBytes: [UInt8]
    /// Contents by cleaned absolute path (bytes, no trailing slash).
    private let files: Mutex<[[UInt8]: String]>

    /// `files` maps paths (relative ones against `root`) to contents.
    public init(root: String = "/sandbox", files: [String: String] = [:]) {
        rootPath = root
        rootBytes = LexicalPath.cleanedAbsoluteBytes(of: root, root: [])
        var cleaned: [[UInt8]: String] = [:]
        for (path, text) in files { cleaned[LexicalPath.cleanedAbsoluteBytes(of: path, root: rootBytes)] = text }
        self.files = Mutex(cleaned)
    }

    /// Adds or replaces a file.
    public func write(_ text: String, to path: String) {
        let key = LexicalPath.cleanedAbsoluteBytes(of: path, root: rootBytes)
        files.withLock { $0[key] = text }
    }

    public func readText(_ path: String, within scope: PathScope?, excluding denied: [PathScope]) -> Result<
        String, FileAccessError
    > {
        if let problem = LexicalPath.problem(in: path) {
            return .failure(
                problem == .containsNUL
                    ? .invalidPath(path: path, problem: problem.explanation) : .notFound(path: path))
        }
        let key = LexicalPath.cleanedAbsoluteBytes(of: path, root: rootBytes)
        let covered = key.withUnsafeBufferPointer { request in
            (scope.map { $0.covers(request) } ?? true, denied.first { $0.covers(request) })
        }
        if let scope, !covered.0 { return .failure(.outsideScope(path: path, scope: scope.path)) }
        if let deny = covered.1 { return .failure(.reachesDeniedScope(path: path, scope: deny.path)) }
        guard let text = files.withLock({ $0[key] }) else { return .failure(.notFound(path: path)) }
        return .success(text)
    }
}
