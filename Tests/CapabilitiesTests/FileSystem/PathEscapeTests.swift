import Testing

@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The filesystem host under attack. Every attack goes through the whole path a host call takes
/// (policy decision, then the open-time walk) and, separately, straight to the walk with the scope
/// (to show the open-time check holds on its own). Neither may ever return a secret.
@Suite("Filesystem host: path escapes")
struct PathEscapeTests {
    static let filesystemInterface = "sandbox:skill/filesystem"

    struct Setup {
        let tree: AttackTree
        let fileSystem: SandboxedFileSystem
        let policy: Policy
        var scope: PathScope? { policy.grants.first?.scope }
    }

    static func setup(
        grants: [String] = ["./data"], unscoped: Bool = false, denies: [String] = [], sizeLimit: Int = 1000
    ) throws -> Setup {
        let tree = try AttackTree()
        let fileSystem = try SandboxedFileSystem(root: tree.root, sizeLimit: sizeLimit)
        var policy = try Policy(
            component: "malicious", catalog: ImportCatalog(interfaceNames: [filesystemInterface]),
            root: fileSystem.rootPath)
        if unscoped { try policy.grant("filesystem") } else { try policy.grant("filesystem", scopes: grants) }
        if !denies.isEmpty { try policy.deny("filesystem", scopes: denies) }
        return Setup(tree: tree, fileSystem: fileSystem, policy: policy)
    }

    /// What the guest receives from `read-file`: `ok(content)` or `err(message)`.
    enum Outcome: Equatable, Sendable {
        case success(String)
        case failure(String)
    }

    /// What the guest would receive for `read-file(path)`.
    static func hostCall(_ path: String, in setup: Setup) -> Outcome {
        let decision = setup.policy.decide(
            interface: filesystemInterface, function: "read-file", request: .path(path, .read))
        switch decision {
        case .deny(let reason):
            return .failure(setup.policy.denialMessage(reason))
        case .allow(let grant):
            switch setup.fileSystem.readText(
                path, within: grant.scope,
                excluding: setup.policy.deniedScopes(interface: grant.interface, function: "read-file", access: .read))
            {
            case .success(let text): return .success(text)
            case .failure(let error): return .failure(error.description)
            }
        }
    }

    static let longName = String(repeating: "a", count: 300)
    static let deepPath = "./data/" + String(repeating: "a/", count: 3000)

    /// path → the exact message the guest receives through the host call.
    static let attacks: [(String, String)] = [
        ("./secret.txt", "Permission denied: './secret.txt' is outside the granted scope (./data)"),
        ("../secret-outside.txt", "Permission denied: '../secret-outside.txt' is outside the granted scope (./data)"),
        ("/etc/passwd", "Permission denied: '/etc/passwd' is outside the granted scope (./data)"),
        ("./data/../secret.txt", "Permission denied: './data/../secret.txt' is outside the granted scope (./data)"),
        (
            "data/sub/../../secret.txt",
            "Permission denied: 'data/sub/../../secret.txt' is outside the granted scope (./data)"
        ),
        (
            "data/./sub/./../../secret.txt",
            "Permission denied: 'data/./sub/./../../secret.txt' is outside the granted scope (./data)"
        ),
        (
            "data/public.txt/../../secret.txt",
            "Permission denied: 'data/public.txt/../../secret.txt' is outside the granted scope (./data)"
        ),
        (
            "data/sub/../../../secret-outside.txt",
            "Permission denied: 'data/sub/../../../secret-outside.txt' is outside the granted scope (./data)"
        ),
        (
            "data/sub/../../../../../../etc/passwd",
            "Permission denied: 'data/sub/../../../../../../etc/passwd' is outside the granted scope (./data)"
        ),
        ("./outside-link", "Permission denied: './outside-link' is outside the granted scope (./data)"),
        ("data/link-out", "Permission denied: 'data/link-out' leads outside the granted scope (./data)"),
        ("data/link-out-abs", "Permission denied: 'data/link-out-abs' leads outside the granted scope (./data)"),
        ("data/link-etc", "Permission denied: 'data/link-etc' leads outside the granted scope (./data)"),
        (
            "data/link-dir-out/secret.txt",
            "Permission denied: 'data/link-dir-out/secret.txt' leads outside the granted scope (./data)"
        ),
        (
            "data/link-dir-out2/passwd",
            "Permission denied: 'data/link-dir-out2/passwd' leads outside the granted scope (./data)"
        ),
        (
            "data/link-root/etc/passwd",
            "Permission denied: 'data/link-root/etc/passwd' leads outside the granted scope (./data)"
        ),
        ("data/sub/link-up2", "Permission denied: 'data/sub/link-up2' leads outside the granted scope (./data)"),
        (
            "data/proc-root/etc/passwd",
            "Permission denied: 'data/proc-root/etc/passwd' leads outside the granted scope (./data)"
        ),
        (
            "data/proc-cwd/secret.txt",
            "Permission denied: 'data/proc-cwd/secret.txt' leads outside the granted scope (./data)"
        ),
        (
            "/proc/self/root/etc/passwd",
            "Permission denied: '/proc/self/root/etc/passwd' is outside the granted scope (./data)"
        ),
        (
            "/proc/self/cwd/secret.txt",
            "Permission denied: '/proc/self/cwd/secret.txt' is outside the granted scope (./data)"
        ),
        ("data/loop-a", "Too many levels of symbolic links: 'data/loop-a' (more than 40)"),
        ("data/self", "Too many levels of symbolic links: 'data/self' (more than 40)"),
        ("data/loop-a/x", "Too many levels of symbolic links: 'data/loop-a/x' (more than 40)"),
        ("data/chain-0", "Too many levels of symbolic links: 'data/chain-0' (more than 40)"),
        (
            "./data/public.txt\u{0}../../secret.txt",
            "Invalid path: './data/public.txt\\u{0}../../secret.txt' contains a NUL byte"
        ),
        ("./data/\u{0}", "Invalid path: './data/\\u{0}' contains a NUL byte"),
        (
            "./data/" + longName,
            "File name too long: '\(("./data/" + longName).prefix(100))…\(longName.suffix(100))' has a name 300 bytes long, more than the limit of 255"
        ),
        (
            deepPath,
            "File name too long: '\(deepPath.prefix(100))…\(deepPath.suffix(100))' is 6007 bytes long, more than the limit of 4096"
        ),
        ("./data/fifo", "Not a regular file: './data/fifo' is a FIFO"),
        ("./data/dir", "Is a directory: './data/dir'"),
        ("./data", "Is a directory: './data'"),
        ("./data/", "Is a directory: './data/'"),
        ("data/sub/..", "Is a directory: 'data/sub/..'"),
        ("data/empty-target-ish", "Is a directory: 'data/empty-target-ish'"),
        ("./data/public.txt/x", "Not a directory: a name inside './data/public.txt/x' is not a directory"),
        ("data/dangling", "No such file or directory: 'data/dangling'"),
        ("data/missing/x.txt", "No such file or directory: 'data/missing/x.txt'"),
        ("", "Permission denied: '' is outside the granted scope (./data)"),
        ("data/big.txt", "File too large: 'data/big.txt' is larger than the limit of 1000 bytes"),
        ("data/binary.bin", "Invalid UTF-8: 'data/binary.bin' is not UTF-8 text (bad byte at offset 2)"),
    ]

    /// path → content: what must still work.
    static let legitimate: [(String, String)] = [
        ("./data/public.txt", "public"),
        ("data/public.txt", "public"),
        ("data//sub/./deep.txt", "deep"),
        ("data/sub/../public.txt", "public"),
        ("data/link-inside", "public"),
        ("data/link-abs-inside", "deep"),
        ("data/sub/link-up", "public"),
        ("data/sub-link/deep.txt", "deep"),
        ("data/long-0", "public"),
        ("data/exact.txt", String(repeating: "x", count: 1000)),
        // A hard link is the file itself, and this name of it is inside the scope; only an explicit
        // deny, checked by file identity, excludes it (see "explicit denies hold at open").
        ("data/hard-secret", "SECRET-ROOT"),
    ]

    @Test("at least 20 attack paths, each refused with its own message", arguments: attacks)
    func attack(path: String, expected: String) throws {
        let setup = try Self.setup()
        let result = Self.hostCall(path, in: setup)
        #expect(result == .failure(expected))
    }

    @Test("the open-time check alone refuses every attack", arguments: attacks)
    func attackWithoutPolicy(path: String, expected: String) throws {
        let setup = try Self.setup()
        let result = setup.fileSystem.readText(path, within: setup.scope)
        guard case .failure(let error) = result else {
            Issue.record("read \(path) succeeded: \(result)")
            return
        }
        for secret in AttackTree.secrets { #expect(!error.description.contains(secret)) }
    }

    @Test("legitimate paths inside the scope are still served", arguments: legitimate)
    func servesLegitimate(path: String, content: String) throws {
        let setup = try Self.setup()
        #expect(Self.hostCall(path, in: setup) == .success(content))
    }

    @Test("absolute spellings of a path inside the scope are served")
    func absoluteInside() throws {
        let setup = try Self.setup()
        #expect(Self.hostCall(setup.fileSystem.rootPath + "/data/public.txt", in: setup) == .success("public"))
        #expect(Self.hostCall(setup.tree.root + "/data/../data/sub/deep.txt", in: setup) == .success("deep"))
    }

    @Test(
        "a file scope serves exactly its file",
        arguments: [
            ("./demo.txt", Outcome.success("Hello from the sandbox!\n")),
            ("demo.txt", .success("Hello from the sandbox!\n")),
            ("./data/../demo.txt", .success("Hello from the sandbox!\n")),
            ("./demo.txt/x", .failure("Not a directory: a name inside './demo.txt/x' is not a directory")),
            ("./secret.txt", .failure("Permission denied: './secret.txt' is outside the granted scope (./demo.txt)")),
            ("/etc/passwd", .failure("Permission denied: '/etc/passwd' is outside the granted scope (./demo.txt)")),
        ])
    func fileScope(path: String, expected: Outcome) throws {
        let setup = try Self.setup(grants: ["./demo.txt"])
        #expect(Self.hostCall(path, in: setup) == expected)
    }

    @Test("a FIFO in the scope is refused without blocking, even when opened directly")
    func fifoDoesNotHang() throws {
        let setup = try Self.setup()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(
                setup.fileSystem.readText("./data/fifo", within: setup.scope)
                    == .failure(.notRegularFile(path: "./data/fifo", kind: "a FIFO")))
        }
        #expect(elapsed < .seconds(2))
    }

    @Test("a device file inside the scope is refused (when the test may create one)")
    func deviceInScope() throws {
        let setup = try Self.setup()
        guard let device = setup.tree.makeDevice() else { return }
        #expect(Self.hostCall(device, in: setup) == .failure("Not a regular file: './data/zero' is a character device"))
    }

    @Test("unscoped grant: the whole filesystem, still only regular UTF-8 files within the size limit")
    func unscoped() throws {
        let setup = try Self.setup(unscoped: true)
        let outside = setup.tree.base + "/secret-outside.txt"
        #expect(Self.hostCall(outside, in: setup) == .success("SECRET-OUTSIDE"))
        #expect(Self.hostCall("/proc/self/root" + outside, in: setup) == .success("SECRET-OUTSIDE"))
        #expect(Self.hostCall("data/link-out", in: setup) == .success("SECRET-ROOT"))
        #expect(Self.hostCall("../secret-outside.txt", in: setup) == .success("SECRET-OUTSIDE"))
        #expect(
            Self.hostCall("/dev/null", in: setup) == .failure("Not a regular file: '/dev/null' is a character device"))
        #expect(
            Self.hostCall("/dev/zero", in: setup) == .failure("Not a regular file: '/dev/zero' is a character device"))
        #expect(Self.hostCall("/", in: setup) == .failure("Is a directory: '/'"))
        #expect(Self.hostCall("/..", in: setup) == .failure("Is a directory: '/..'"))
        #expect(
            Self.hostCall("/proc/self/status", in: setup)
                == .failure("File too large: '/proc/self/status' is larger than the limit of 1000 bytes"))
        #expect(
            Self.hostCall("data/loop-a", in: setup)
                == .failure("Too many levels of symbolic links: 'data/loop-a' (more than 40)"))
        #expect(Self.hostCall("x\u{0}", in: setup) == .failure("Invalid path: 'x\\u{0}' contains a NUL byte"))
    }

    @Test("sizes that lie are caught while reading: /proc files report 0 bytes")
    func procSizeLimit() throws {
        let setup = try Self.setup(unscoped: true, sizeLimit: 1 << 20)
        guard case .success(let status) = Self.hostCall("/proc/self/status", in: setup) else {
            Issue.record("/proc/self/status should be readable under the limit")
            return
        }
        #expect(status.contains("Pid:"))
    }

    @Test("explicit denies hold at open: through symbolic links and hard links")
    func deniesAtOpen() throws {
        let setup = try Self.setup(unscoped: true, denies: ["./secret.txt"])
        #expect(
            Self.hostCall("./secret.txt", in: setup)
                == .failure("Permission denied: './secret.txt' is inside the denied scope (./secret.txt)"))
        #expect(
            Self.hostCall("data/link-out", in: setup)
                == .failure("Permission denied: 'data/link-out' leads into the denied scope (./secret.txt)"))
        #expect(
            Self.hostCall("data/hard-secret", in: setup)
                == .failure("Permission denied: 'data/hard-secret' leads into the denied scope (./secret.txt)"))
        #expect(Self.hostCall("data/public.txt", in: setup) == .success("public"))

        let directoryDeny = try Self.setup(grants: ["./data"], denies: ["./data/sub"])
        #expect(
            Self.hostCall("data/sub-link/deep.txt", in: directoryDeny)
                == .failure("Permission denied: 'data/sub-link/deep.txt' leads into the denied scope (./data/sub)"))
        #expect(
            Self.hostCall("data/link-abs-inside", in: directoryDeny)
                == .failure("Permission denied: 'data/link-abs-inside' leads into the denied scope (./data/sub)"))
        #expect(Self.hostCall("data/public.txt", in: directoryDeny) == .success("public"))
    }

    @Test("a request outside the scope handed straight to the filesystem is refused")
    func outsideScopeDirect() throws {
        let setup = try Self.setup()
        #expect(
            setup.fileSystem.readText("./secret.txt", within: setup.scope)
                == .failure(.outsideScope(path: "./secret.txt", scope: "./data")))
    }

    @Test("no descriptor leaks across many refused and served reads")
    func noDescriptorLeaks() throws {
        let setup = try Self.setup()
        let paths = Self.attacks.map(\.0) + Self.legitimate.map(\.0)
        let before = AttackTree.openDescriptorCount()
        for _ in 0..<100 {
            for path in paths { _ = Self.hostCall(path, in: setup) }
        }
        let after = AttackTree.openDescriptorCount()
        #expect(after - before < 50, "descriptors grew from \(before) to \(after)")
    }

    @Test("the root must exist")
    func missingRoot() {
        #expect(throws: FileAccessError.self) { try SandboxedFileSystem(root: "/nonexistent/wasmsh-root") }
    }
}
