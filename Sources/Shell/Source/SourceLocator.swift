import Capabilities

/// Finds the source files DWARF names on the host: the path as the line table gives it
/// (compilation directory, directory and file name joined), else under each source directory
/// the user gave (`source-dir DIR`, `--source-dir DIR`), by that path and by its base name.
/// Only regular files up to `maximumBytes` are read; found files are kept for the session.
final class SourceLocator {
    /// Source directories, searched in order.
    var directories: [String]
    /// Larger files are not read (a component names the file; it could be anything).
    let maximumBytes: Int
    private var cache: [String: SourceFile] = [:]

    init(directories: [String], maximumBytes: Int = 4 << 20) {
        self.directories = directories
        self.maximumBytes = maximumBytes
    }

    /// The file for a DWARF path, or an error saying where it was looked for.
    func file(_ path: String) throws(ShellError) -> SourceFile {
        if let cached = cache[path] { return cached }
        var tried: [String] = []
        for candidate in candidates(path) where !tried.contains(candidate) {
            tried.append(candidate)
            if let bytes = Self.read(candidate, limit: maximumBytes) {
                let file = SourceFile(path: candidate, bytes: bytes)
                cache[path] = file
                return file
            }
        }
        throw ShellError(
            "source file \(QuotedPath(path)) is not readable here (looked at \(tried.map { QuotedPath($0).description }.joined(separator: ", "))); "
                + "'source-dir DIR' tells where sources are")
    }

    /// Forgets files read so far (after the directories change).
    func forget() {
        cache.removeAll()
    }

    private func candidates(_ path: String) -> [String] {
        let trimmed = Self.trimmed(path)
        var list = [trimmed]
        let base = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        for directory in directories {
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            if !trimmed.hasPrefix("/") { list.append(prefix + trimmed) }
            list.append(prefix + base)
        }
        return list
    }

    /// `./components/debug/debug.c` → `components/debug/debug.c`.
    static func trimmed(_ path: String) -> String {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        return text.isEmpty ? "." : String(text)
    }

    /// The bytes of a regular file no larger than the limit, else nil.
    private static func read(_ path: String, limit: Int) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= limit,
            let file = fopen(path, "rb")
        else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        let count = fread(&bytes, 1, bytes.count, file)
        // A file that grew past the limit since `stat` is refused too.
        guard count <= limit, ferror(file) == 0 else { return nil }
        return Array(bytes.prefix(count))
    }
}
