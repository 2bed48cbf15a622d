@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh temporary directory for one test, built with byte names (not necessarily UTF-8) and
/// removed, however deep, when the tree goes away.
final class ScratchTree {
    let base: String

    init() throws {
        var template = Array("/tmp/wasmsh-scratch-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw AttackTree.SetupError(step: "mkdtemp") }
        base = String(cString: made)
    }

    deinit { Self.removeTree(base) }

    func directory(_ relative: [UInt8]) throws {
        guard mkdir(cPath(relative), 0o755) == 0 else { throw failure("mkdir", relative) }
    }

    func file(_ relative: [UInt8], _ text: String) throws {
        let descriptor = open(cPath(relative), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("create", relative) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw failure("write", relative)
        }
    }

    func link(_ relative: [UInt8], to target: [UInt8]) throws {
        guard symlink(Self.cString(target), cPath(relative)) == 0 else { throw failure("symlink", relative) }
    }

    /// `depth` directories named `name`, one inside the other, under `relative`, and optionally a
    /// file in the deepest; made one level at a time from a held descriptor, so no path longer than
    /// PATH_MAX is ever needed.
    func chain(under relative: [UInt8], name: String, depth: Int, file: (name: String, text: String)?) throws {
        var directory = open(cPath(relative), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw failure("open", relative) }
        defer { close(directory) }
        for _ in 0..<depth {
            guard mkdirat(directory, name, 0o755) == 0 else { throw failure("mkdirat", relative) }
            let inner = openat(directory, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard inner >= 0 else { throw failure("openat", relative) }
            close(directory)
            directory = inner
        }
        if let file {
            let descriptor = openat(directory, file.name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw failure("create", relative) }
            defer { close(descriptor) }
            let bytes = Array(file.text.utf8)
            guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
                throw failure("write", relative)
            }
        }
    }

    private func cPath(_ relative: [UInt8]) -> [CChar] { Self.cString(Array((base + "/").utf8) + relative) }

    private static func cString(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    private func failure(_ step: String, _ relative: [UInt8]) -> AttackTree.SetupError {
        AttackTree.SetupError(step: "\(step) \(String(decoding: relative, as: UTF8.self))")
    }

    /// Removes a tree of any depth holding two descriptors at most: each directory's
    /// subdirectories are first moved up into the top one (so none is ever deep), then it is
    /// emptied and removed.
    private static func removeTree(_ path: String) {
        let top = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return }
        var pending = subdirectoriesAfterUnlinkingFiles(in: top)
        var moved = 0
        while let name = pending.popLast() {
            let directory = openat(top, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if directory >= 0 {
                for inner in subdirectoriesAfterUnlinkingFiles(in: directory) {
                    // A fresh name in the top directory for each subdirectory moved up.
                    while true {
                        moved += 1
                        let fresh = cString(Array("moved-\(moved)".utf8))
                        if renameat(directory, inner, top, fresh) == 0 {
                            pending.append(fresh)
                            break
                        }
                        if errno != EEXIST && errno != ENOTEMPTY { break }
                    }
                }
                close(directory)
            }
            unlinkat(top, name, AT_REMOVEDIR)
        }
        close(top)
        rmdir(path)
    }

    /// Unlinks everything in `descriptor` but its subdirectories, whose names it returns.
    private static func subdirectoriesAfterUnlinkingFiles(in descriptor: Int32) -> [[CChar]] {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else { return [] }
        defer { closedir(directory) }
        var directories: [[CChar]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.prefix { $0 != 0 }.map { CChar(bitPattern: $0) } + [0]
            }
            if name == [46, 0] || name == [46, 46, 0] { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                directories.append(name)
            } else {
                unlinkat(descriptor, name, 0)
            }
        }
        return directories
    }
}
