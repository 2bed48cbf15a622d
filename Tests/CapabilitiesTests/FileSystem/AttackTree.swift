@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory tree in a fresh temporary directory, built to attack the filesystem host:
///
///     T/secret-outside.txt            SECRET-OUTSIDE
///     T/root/                         the session root
///     T/root/secret.txt               SECRET-ROOT (inside the root, outside the ./data scope)
///     T/root/demo.txt                 a legitimate file scope
///     T/root/outside-link -> data/public.txt
///     T/root/data/                    the granted directory scope
///       public.txt, sub/deep.txt      legitimate files
///       links that stay inside, links that leave (relative, absolute, via /proc), loops, chains,
///       a FIFO, a directory, a non-UTF-8 file, a hard link to secret.txt
final class AttackTree {
    let base: String
    var root: String { base + "/root" }
    static let secrets = ["SECRET-OUTSIDE", "SECRET-ROOT"]

    init() throws {
        var template = Array("/tmp/wasmsh-fs-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SetupError(step: "mkdtemp") }
        base = String(cString: made)
        try build()
    }

    deinit { removeTree(base) }

    struct SetupError: Error, CustomStringConvertible {
        let step: String
        var description: String { "could not build the attack tree: \(step) (errno \(errno))" }
    }

    private func build() throws {
        try directory("root")
        try directory("root/data")
        try directory("root/data/sub")
        try directory("root/data/dir")
        try file("secret-outside.txt", "SECRET-OUTSIDE")
        try file("root/secret.txt", "SECRET-ROOT")
        try file("root/demo.txt", "Hello from the sandbox!\n")
        try file("root/data/public.txt", "public")
        try file("root/data/sub/deep.txt", "deep")
        try file("root/data/exact.txt", String(repeating: "x", count: 1000))
        try file("root/data/big.txt", String(repeating: "x", count: 1001))
        try bytes("root/data/binary.bin", [0x41, 0x42, 0xFF, 0x43])
        try link("root/outside-link", "data/public.txt")
        try link("root/data/link-inside", "public.txt")
        try link("root/data/link-abs-inside", root + "/data/sub/deep.txt")
        try link("root/data/sub-link", "sub")
        try link("root/data/sub/link-up", "../public.txt")
        try link("root/data/sub/link-up2", "../../secret.txt")
        try link("root/data/link-out", "../secret.txt")
        try link("root/data/link-out-abs", base + "/secret-outside.txt")
        try link("root/data/link-etc", "/etc/passwd")
        try link("root/data/link-dir-out", "..")
        try link("root/data/link-dir-out2", "/etc")
        try link("root/data/link-root", "/")
        try link("root/data/loop-a", "loop-b")
        try link("root/data/loop-b", "loop-a")
        try link("root/data/self", "self")
        try link("root/data/proc-root", "/proc/self/root")
        try link("root/data/proc-cwd", "/proc/self/cwd")
        try link("root/data/empty-target-ish", "./")
        try link("root/data/dangling", "nowhere.txt")
        // chain-0 -> chain-1 -> ... -> chain-40 -> public.txt: 41 links; long-0 .. long-39: 40 links.
        for index in 0..<41 { try link("root/data/chain-\(index)", index == 40 ? "public.txt" : "chain-\(index + 1)") }
        for index in 0..<40 { try link("root/data/long-\(index)", index == 39 ? "public.txt" : "long-\(index + 1)") }
        guard mkfifo(root + "/data/fifo", 0o644) == 0 else { throw SetupError(step: "mkfifo") }
        guard Glibc.link(root + "/secret.txt", root + "/data/hard-secret") == 0 else { throw SetupError(step: "link") }
    }

    /// A character device inside the scope, when this process may create one (root); nil otherwise.
    func makeDevice() -> String? {
        let path = root + "/data/zero"
        return mknod(path, S_IFCHR | 0o644, dev_t((1 << 8) | 5)) == 0 ? "./data/zero" : nil
    }

    private func directory(_ relative: String) throws {
        guard mkdir(base + "/" + relative, 0o755) == 0 else { throw SetupError(step: "mkdir \(relative)") }
    }

    private func file(_ relative: String, _ text: String) throws { try bytes(relative, Array(text.utf8)) }

    private func bytes(_ relative: String, _ content: [UInt8]) throws {
        let descriptor = open(base + "/" + relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SetupError(step: "create \(relative)") }
        defer { close(descriptor) }
        let written = content.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == content.count else { throw SetupError(step: "write \(relative)") }
    }

    private func link(_ relative: String, _ target: String) throws {
        guard symlink(target, base + "/" + relative) == 0 else { throw SetupError(step: "symlink \(relative)") }
    }

    private func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func openDescriptorCount() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while readdir(directory) != nil { count += 1 }
        return count
    }
}
