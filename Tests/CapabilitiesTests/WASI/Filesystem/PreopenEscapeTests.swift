import Capabilities
import Testing

/// The attacks of the filesystem host's escape tests (`AttackTree`), made by a WASI guest on a
/// preopen: `fs.wasm` with `./data` granted as `/data`. Every answer is the one wasmtime-py 50.0.1
/// gives for the same tree (measured with `fs.wasm` and `preopen_dir(ROOT/data, "/data")`), and
/// no run ever prints a secret.
@Suite("WASI filesystem: escapes from a preopen")
struct PreopenEscapeTests {
    static let notPermitted = "open-at: not-permitted"

    /// `fs read PATH` in a read-only preopen → the failure line, as wasmtime answers.
    static let attacks: [(String, String)] = [
        ("../secret.txt", notPermitted),
        ("../../secret-outside.txt", notPermitted),
        ("/etc/passwd", notPermitted),
        ("../data/public.txt", notPermitted),
        ("sub/../../secret.txt", notPermitted),
        ("./sub/./../../secret.txt", notPermitted),
        ("public.txt/../../secret.txt", "open-at: not-directory"),
        ("sub/../../../secret-outside.txt", notPermitted),
        ("link-out", notPermitted),
        ("link-out-abs", notPermitted),
        ("link-etc", notPermitted),
        ("link-dir-out/secret.txt", notPermitted),
        ("link-dir-out2/passwd", notPermitted),
        ("link-root/etc/passwd", notPermitted),
        ("sub/link-up2", notPermitted),
        ("proc-root/etc/passwd", notPermitted),
        ("proc-cwd/secret.txt", notPermitted),
        ("/proc/self/root/etc/passwd", notPermitted),
        // An absolute link stays the host's, even to a place inside the preopen (as cap-std).
        ("link-abs-inside", notPermitted),
        ("loop-a", "open-at: loop"),
        ("self", "open-at: loop"),
        ("loop-a/x", "open-at: loop"),
        ("chain-0", "open-at: loop"),
        (String(repeating: "a", count: 300), "open-at: name-too-long"),
        (String(repeating: "a/", count: 3000), "open-at: name-too-long"),
        ("dir", "read: bad-descriptor"),
        (".", "read: bad-descriptor"),
        ("empty-target-ish", "read: bad-descriptor"),
        ("public.txt/x", "open-at: not-directory"),
        ("dangling", "open-at: no-entry"),
        ("missing/x.txt", "open-at: no-entry"),
        ("", "open-at: no-entry"),
        // wasmsh only (wasmtime cannot be given these): a NUL byte, and a FIFO, which wasmtime
        // would wait on forever when it opens it; wasmsh opens it without blocking.
        ("public.txt\u{0}../../secret.txt", "open-at: invalid"),
        ("fifo", "read: invalid-seek"),
    ]

    /// `fs read PATH` → the content, as wasmtime serves it.
    static let legitimate: [(String, String)] = [
        ("public.txt", "public"),
        ("sub//./deep.txt", "deep"),
        ("sub/../public.txt", "public"),
        ("link-inside", "public"),
        ("sub/link-up", "public"),
        ("sub-link/deep.txt", "deep"),
        ("long-0", "public"),
        ("exact.txt", String(repeating: "x", count: 1000)),
        // A hard link is the file itself, and this name of it is inside: only an explicit deny,
        // checked by identity, excludes it (see the denies below).
        ("hard-secret", "SECRET-ROOT"),
    ]

    static func read(_ path: String, tree: AttackTree, denies: [String] = []) throws -> FSCommand {
        try FSCommand.run(["read", path], root: tree.root, grants: ["./data::/data"], denies: denies)
    }

    @Test("every attack is refused with wasmtime's error-code and leaks nothing", arguments: attacks)
    func attack(path: String, expected: String) throws {
        let tree = try AttackTree()
        let run = try Self.read(path, tree: tree)
        #expect(run.failure == expected, "\(run.stdout) \(run.stderr) \(String(describing: run.trap))")
        for secret in AttackTree.secrets {
            #expect(!run.stdout.contains(secret))
            #expect(!run.stderr.contains(secret))
        }
    }

    @Test("legitimate paths inside the preopen are served", arguments: legitimate)
    func servesLegitimate(path: String, content: String) throws {
        let tree = try AttackTree()
        let run = try Self.read(path, tree: tree)
        #expect(run.outcome == .returned(ok: true))
        #expect(run.stdout == content)
    }

    @Test(
        "writes, renames, links and removals that would leave a writable preopen are refused as wasmtime refuses them",
        arguments: [
            (["write", "../x", "PWNED"], "open-at: not-permitted"),
            (["write", "link-out", "PWNED"], "open-at: not-permitted"),
            (["write", "link-dir-out/x", "PWNED"], "open-at: not-permitted"),
            (["write", "sub/link-up2", "PWNED"], "open-at: not-permitted"),
            (["write", "link-abs-inside", "PWNED"], "open-at: not-permitted"),
            (["write", "/tmp/x", "PWNED"], "open-at: not-permitted"),
            (["rename", "public.txt", "../moved"], "rename-at: not-permitted"),
            (["rename", "public.txt", "link-dir-out/moved"], "rename-at: not-permitted"),
            (["rename", "../secret.txt", "stolen"], "rename-at: not-permitted"),
            (["mkdir", "link-dir-out/new"], "create-directory-at: not-permitted"),
            (["rm", "link-dir-out/secret.txt"], "unlink-file-at: not-permitted"),
            (["rmdir", "link-dir-out"], "remove-directory-at: not-directory"),
            (["symlink", "/etc/passwd", "new-link"], "symlink-at: not-permitted"),
            (["stat", "link-dir-out"], "stat-at: not-permitted"),
            (["list", "link-dir-out"], "open-at: not-permitted"),
            (["list", "link-root"], "open-at: not-permitted"),
            (["readlink", "link-etc"], "readlink-at: not-permitted"),
        ])
    func writesOut(arguments: [String], expected: String) throws {
        let tree = try AttackTree()
        let run = try FSCommand.run(arguments, root: tree.root, writable: ["./data::/data"])
        #expect(run.failure == expected, "\(run.stdout) \(run.stderr)")
        #expect(tree.read("secret.txt") == "SECRET-ROOT")
        #expect(tree.read("../secret-outside.txt") == "SECRET-OUTSIDE")
        #expect(tree.read("../x") == nil)
        #expect(tree.read("x") == nil)
    }

    @Test("what wasmtime allows beside the escapes: a link created pointing out, a link removed, its own target read")
    func allowedBesideEscapes() throws {
        let tree = try AttackTree()
        let symlink = try FSCommand.run(
            ["symlink", "../../secret-outside.txt", "ok-link"], root: tree.root, writable: ["./data::/data"])
        #expect(symlink.stdout == "symlink: ok\n")
        // Following it is refused; reading it as a link is not.
        #expect(try Self.read("ok-link", tree: tree).failure == Self.notPermitted)
        let readlink = try FSCommand.run(["readlink", "sub/link-up2"], root: tree.root, grants: ["./data::/data"])
        #expect(readlink.stdout == "../../secret.txt\n")
        let lstat = try FSCommand.run(["lstat", "link-dir-out"], root: tree.root, grants: ["./data::/data"])
        #expect(lstat.stdout == "symbolic-link size 2\n")
        let remove = try FSCommand.run(["rm", "link-dir-out"], root: tree.root, writable: ["./data::/data"])
        #expect(remove.stdout == "rm: ok\n")
        #expect(tree.read("secret.txt") == "SECRET-ROOT")
    }

    @Test("explicit denies hold inside a preopen: through links, hard links and renames")
    func deniesAtWalk() throws {
        let tree = try AttackTree()
        // The hard link is the denied file itself: refused by identity.
        #expect(try Self.read("hard-secret", tree: tree, denies: ["./secret.txt"]).failure == "open-at: access")
        #expect(try Self.read("public.txt", tree: tree, denies: ["./secret.txt"]).stdout == "public")

        let subDenied = ["./data/sub"]
        #expect(try Self.read("sub/deep.txt", tree: tree, denies: subDenied).failure == "open-at: access")
        #expect(try Self.read("sub-link/deep.txt", tree: tree, denies: subDenied).failure == "open-at: access")
        #expect(try Self.read("sub/../public.txt", tree: tree, denies: subDenied).failure == "open-at: access")
        #expect(try Self.read("public.txt", tree: tree, denies: subDenied).stdout == "public")
    }
}
