/// A folder the session looks in by name (`load NAME` in the components folder, manifests in
/// the manifests folder), named as the user should read it: relative folders are relative to
/// the working directory, which is said when the folder is not there.
struct SessionFolder {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    /// `./components`, or the absolute path as given.
    var shown: String { path.hasPrefix("/") || path.hasPrefix("./") ? path : "./" + path }

    var exists: Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// `./components`, with where that is when it is missing: `./components (not found in /tmp/x)`.
    var described: String {
        exists ? shown : "\(shown) (not found in \(SessionFolder.workingDirectory))"
    }

    /// The components (`.wasm` files, without the extension) in the folder, sorted; at most
    /// `limit` are read, whatever the folder holds.
    func componentNames(limit: Int = 1000) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while names.count < limit, let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".wasm"), name.count > 5 { names.append(String(name.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The process's working directory, where relative folders are looked for.
    static var workingDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "the working directory" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension SessionSettings {
    var componentsFolder: SessionFolder { SessionFolder(componentsDirectory) }
    var manifestsFolder: SessionFolder { SessionFolder(manifestsDirectory) }
}
