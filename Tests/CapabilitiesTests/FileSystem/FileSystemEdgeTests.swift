import Testing

@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The filesystem host where POSIX has an answer the lexical path alone does not give: link
/// targets that are not UTF-8, trailing slashes on files, and paths deeper than the number of
/// files a process may hold open (issue 15, finding 11).
@Suite("Filesystem host: non-UTF-8 names, trailing slashes, deep paths")
struct FileSystemEdgeTests {
    static let filesystemInterface = "sandbox:skill/filesystem"
    static let byteFF: [UInt8] = [0xFF]
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    struct Setup {
        let tree: ScratchTree
        let fileSystem: SandboxedFileSystem
        let policy: Policy
        var root: String { tree.base + "/root" }
    }

    /// `T/root` is the session root, `T/root/data` the granted scope (or `grants`), `T/root/secret.txt`
    /// outside it; `build` adds the rest.
    static func setup(
        grants: [String] = ["./data"], unscoped: Bool = false, build: (ScratchTree) throws -> Void
    ) throws -> Setup {
        let tree = try ScratchTree()
        try tree.directory(Array("root".utf8))
        try tree.directory(Array("root/data".utf8))
        try tree.file(Array("root/secret.txt".utf8), "SECRET")
        try build(tree)
        let fileSystem = try SandboxedFileSystem(root: tree.base + "/root")
        var policy = try Policy(
            component: "edge", catalog: ImportCatalog(interfaceNames: [filesystemInterface]), root: fileSystem.rootPath)
        if unscoped { try policy.grant("filesystem") } else { try policy.grant("filesystem", scopes: grants) }
        return Setup(tree: tree, fileSystem: fileSystem, policy: policy)
    }

    /// What the guest receives from `read-file(path)`: the text, or the error message.
    static func hostCall(_ path: String, in setup: Setup) -> PathEscapeTests.Outcome {
        switch setup.policy.decide(interface: filesystemInterface, function: "read-file", request: .path(path, .read)) {
        case .deny(let reason):
            return .failure(setup.policy.denialMessage(reason))
        case .allow(let grant):
            switch setup.fileSystem.readText(path, within: grant.scope) {
            case .success(let text): return .success(text)
            case .failure(let error): return .failure(error.description)
            }
        }
    }

    /// What the system itself answers for `open(path, O_RDONLY)`: 0 when it opens, else errno.
    static func systemAnswer(_ path: String) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { return errno }
        close(descriptor)
        return 0
    }

    // MARK: Link targets are bytes

    @Test("a link to the byte ff opens the file named ff, never the file named U+FFFD")
    func nonUTF8LinkTarget() throws {
        let setup = try Self.setup { tree in
            try tree.file(Array("root/data/".utf8) + Self.replacementCharacter, "the file named U+FFFD\n")
            try tree.link(Array("root/data/link".utf8), to: Self.byteFF)
        }
        // As the system says: there is no file named ff (yet).
        #expect(Self.systemAnswer(setup.root + "/data/link") == ENOENT)
        #expect(Self.hostCall("./data/link", in: setup) == .failure("No such file or directory: './data/link'"))

        try setup.tree.file(Array("root/data/".utf8) + Self.byteFF, "the file named ff\n")
        #expect(Self.systemAnswer(setup.root + "/data/link") == 0)
        #expect(Self.hostCall("./data/link", in: setup) == .success("the file named ff\n"))
    }

    @Test("non-UTF-8 names inside link targets: directories, absolute targets, and `..` that leaves")
    func nonUTF8NamesInTargets() throws {
        let setup = try Self.setup { tree in
            let directory = Array("root/data/".utf8) + Self.byteFF
            try tree.directory(directory)
            try tree.file(directory + Array("/inner.txt".utf8), "inner")
            try tree.directory(Array("root/data/".utf8) + Self.replacementCharacter)
            try tree.file(Array("root/data/".utf8) + Self.replacementCharacter + Array("/inner.txt".utf8), "WRONG")
            try tree.link(Array("root/data/relative".utf8), to: Self.byteFF + Array("/inner.txt".utf8))
            try tree.link(
                Array("root/data/absolute".utf8),
                to: Array((tree.base + "/root/data/").utf8) + Self.byteFF + Array("/inner.txt".utf8))
            try tree.link(
                Array("root/data/leaving".utf8), to: Self.byteFF + Array("/../../secret.txt".utf8))
        }
        #expect(Self.hostCall("./data/relative", in: setup) == .success("inner"))
        #expect(Self.hostCall("./data/absolute", in: setup) == .success("inner"))
        #expect(
            Self.hostCall("./data/leaving", in: setup)
                == .failure("Permission denied: './data/leaving' leads outside the granted scope (./data)"))
    }

    // MARK: Trailing slashes

    /// (path, message): a trailing `/` or `/.` asks for a directory, as `open(2)` has it.
    static let trailing: [(String, String)] = [
        ("./data/plain.txt/", "Not a directory: './data/plain.txt/' is a file, but the path asks for a directory"),
        ("./data/plain.txt/.", "Not a directory: './data/plain.txt/.' is a file, but the path asks for a directory"),
        ("./data/plain.txt/./", "Not a directory: './data/plain.txt/./' is a file, but the path asks for a directory"),
        ("data/plain.txt//", "Not a directory: 'data/plain.txt//' is a file, but the path asks for a directory"),
        ("./data/file-link/", "Not a directory: './data/file-link/' is a file, but the path asks for a directory"),
        ("./data/slash-link", "Not a directory: './data/slash-link' is a file, but the path asks for a directory"),
        ("./data/dot-link", "Not a directory: './data/dot-link' is a file, but the path asks for a directory"),
        ("./data/fifo/", "Not a directory: './data/fifo/' is a FIFO, but the path asks for a directory"),
        ("./data/sub/", "Is a directory: './data/sub/'"),
        ("./data/sub/.", "Is a directory: './data/sub/.'"),
        ("./data/dir-link/", "Is a directory: './data/dir-link/'"),
        ("./data/missing/", "No such file or directory: './data/missing/'"),
    ]

    static func trailingSetup(grants: [String] = ["./data"], unscoped: Bool = false) throws -> Setup {
        try setup(grants: grants, unscoped: unscoped) { tree in
            try tree.file(Array("root/data/plain.txt".utf8), "plain\n")
            try tree.directory(Array("root/data/sub".utf8))
            try tree.link(Array("root/data/file-link".utf8), to: Array("plain.txt".utf8))
            try tree.link(Array("root/data/slash-link".utf8), to: Array("plain.txt/".utf8))
            try tree.link(Array("root/data/dot-link".utf8), to: Array("plain.txt/.".utf8))
            try tree.link(Array("root/data/dir-link".utf8), to: Array("sub".utf8))
            guard mkfifo(tree.base + "/root/data/fifo", 0o644) == 0 else { throw AttackTree.SetupError(step: "mkfifo") }
        }
    }

    @Test("a trailing slash or slash-dot asks for a directory, as POSIX has it", arguments: trailing)
    func trailingSlash(path: String, expected: String) throws {
        let setup = try Self.trailingSetup()
        #expect(Self.hostCall(path, in: setup) == .failure(expected))
        // The system agrees that it is not a file it would open as one.
        let systemPath = setup.root + "/" + path
        let answer = Self.systemAnswer(systemPath)
        if expected.hasPrefix("Not a directory") { #expect(answer == ENOTDIR) }
        if expected.hasPrefix("No such file") { #expect(answer == ENOENT) }
    }

    @Test("without the trailing slash the same files are read; file scopes and unscoped grants agree")
    func trailingSlashElsewhere() throws {
        let setup = try Self.trailingSetup()
        #expect(Self.hostCall("./data/plain.txt", in: setup) == .success("plain\n"))
        #expect(Self.hostCall("./data/file-link", in: setup) == .success("plain\n"))

        let fileScope = try Self.trailingSetup(grants: ["./data/plain.txt"])
        #expect(Self.hostCall("./data/plain.txt", in: fileScope) == .success("plain\n"))
        #expect(
            Self.hostCall("./data/plain.txt/", in: fileScope)
                == .failure("Not a directory: './data/plain.txt/' is a file, but the path asks for a directory"))
        #expect(
            Self.hostCall("./data/plain.txt/.", in: fileScope)
                == .failure("Not a directory: './data/plain.txt/.' is a file, but the path asks for a directory"))

        let unscoped = try Self.trailingSetup(unscoped: true)
        let absolute = unscoped.root + "/data/plain.txt"
        #expect(Self.hostCall(absolute, in: unscoped) == .success("plain\n"))
        #expect(
            Self.hostCall(absolute + "/", in: unscoped)
                == .failure("Not a directory: '\(absolute)/' is a file, but the path asks for a directory"))
    }

    // MARK: Deep paths

    /// Runs `body` with the soft limit on open files lowered to `limit` (the usual default of
    /// 1,024, where this machine may allow more), then restores it.
    static func withOpenFileLimit<Value>(_ limit: Int, _ body: () throws -> Value) throws -> Value {
        var saved = rlimit()
        guard getrlimit(resourceOpenFiles, &saved) == 0 else { throw AttackTree.SetupError(step: "getrlimit") }
        var lowered = saved
        lowered.rlim_cur = min(saved.rlim_cur, rlim_t(limit))
        guard setrlimit(resourceOpenFiles, &lowered) == 0 else { throw AttackTree.SetupError(step: "setrlimit") }
        defer { _ = setrlimit(resourceOpenFiles, &saved) }
        return try body()
    }

    #if canImport(Glibc)
        static let resourceOpenFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        static let resourceOpenFiles = RLIMIT_NOFILE
    #endif

    static let depth = 1500

    /// `T/root/deep/a/…/a/f.txt`, 1,500 directories deep (a 3,012-byte request), with a file at
    /// depth 200 and links at the bottom that climb.
    static func deepSetup() throws -> Setup {
        try setup(grants: ["./deep"]) { tree in
            try tree.directory(Array("root/deep".utf8))
            try tree.chain(under: Array("root/deep".utf8), name: "a", depth: depth, file: ("f.txt", "deep\n"))
            let level200 = "root/deep/" + String(repeating: "a/", count: 200)
            try tree.file(Array((level200 + "mid.txt").utf8), "mid\n")
            let bottom = "root/deep/" + String(repeating: "a/", count: depth)
            // 1,300 levels up from 1,500: depth 200 (a target may hold 4,095 bytes).
            try tree.link(
                Array((bottom + "up").utf8), to: Array((String(repeating: "../", count: 1300) + "mid.txt").utf8))
            let level1000 = "root/deep/" + String(repeating: "a/", count: 1000)
            // One level more than there is beneath the scope.
            try tree.link(
                Array((level1000 + "escape").utf8),
                to: Array((String(repeating: "../", count: 1001) + "secret.txt").utf8))
            try tree.link(
                Array((level1000 + "top").utf8), to: Array((String(repeating: "../", count: 1000) + "a/" + "a/").utf8))
        }
    }

    @Test("a file 1,500 directories deep is read under the usual limit of 1,024 open files; links there climb by name")
    func deepPath() throws {
        let setup = try Self.deepSetup()
        let bottom = "./deep/" + String(repeating: "a/", count: Self.depth)
        let level1000 = "./deep/" + String(repeating: "a/", count: 1000)
        #expect((bottom + "f.txt").utf8.count == 3012)
        let before = AttackTree.openDescriptorCount()
        try Self.withOpenFileLimit(1024) {
            #expect(Self.hostCall(bottom + "f.txt", in: setup) == .success("deep\n"))
            // Climbing 1,300 levels from 1,500 reopens directories by name from the scope down.
            #expect(Self.hostCall(bottom + "up", in: setup) == .success("mid\n"))
            #expect(
                Self.hostCall(level1000 + "escape", in: setup)
                    == .failure(
                        "Permission denied: \(QuotedPath(level1000 + "escape")) leads outside the granted scope (./deep)"
                    ))
            #expect(
                Self.hostCall(level1000 + "top", in: setup)
                    == .failure("Is a directory: \(QuotedPath(level1000 + "top"))"))
            #expect(
                Self.hostCall(level1000 + "top/" + String(repeating: "a/", count: 198) + "mid.txt", in: setup)
                    == .success("mid\n"))
        }
        // Suites running meanwhile hold descriptors of their own (sockets, WASI streams, PTYs):
        // a leak here would be one per level, over a thousand.
        #expect(AttackTree.openDescriptorCount() - before < 100)
    }

    @Test("the trail holds a bounded number of descriptors and reopens the right directories")
    func trailReopens() throws {
        let tree = try ScratchTree()
        let depth = 600
        try tree.chain(under: [], name: "d", depth: depth, file: nil)
        let anchor = open(tree.base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(anchor >= 0)
        defer { close(anchor) }
        let name = ArraySlice(Array("d".utf8))
        var identities: [FileIdentity] = [try Self.identity(anchor)]
        var reopened = 0
        let reopen = { (directory: Int32, name: ArraySlice<UInt8>) -> Result<Int32, FileAccessError> in
            reopened += 1
            let descriptor = SystemFiles.openAt(directory, name, SystemFiles.directoryStep)
            return descriptor >= 0 ? .success(descriptor) : .failure(.notFound(path: "reopen"))
        }

        var trail = DirectoryTrail(anchor: anchor)
        defer { trail.closeAll() }
        var mostHeld = 0
        for _ in 0..<depth {
            guard case .success(let current) = trail.currentDirectory(reopen: reopen) else {
                Issue.record("no current directory on the way down")
                return
            }
            let descriptor = SystemFiles.openAt(current, name, SystemFiles.directoryStep)
            try #require(descriptor >= 0)
            identities.append(try Self.identity(descriptor))
            trail.descend(into: name, descriptor: descriptor)
            mostHeld = max(mostHeld, trail.heldCount)
        }
        #expect(reopened == 0)
        #expect(mostHeld <= DirectoryTrail.maximumHeld)
        #expect(mostHeld < 40, "held \(mostHeld) descriptors for \(depth) levels")

        // One level up at a time, looking at the directory each time: the worst case for reopening.
        for level in stride(from: depth - 1, through: 0, by: -1) {
            let climbed = trail.climb()
            #expect(climbed)
            guard case .success(let current) = trail.currentDirectory(reopen: reopen) else {
                Issue.record("no current directory at depth \(level)")
                return
            }
            if try Self.identity(current) != identities[level] {
                Issue.record("depth \(level): reopened the wrong directory")
                return
            }
        }
        let climbedAboveAnchor = trail.climb()
        #expect(!climbedAboveAnchor)
        // O(d log d): a few reopenings per level, where reopening from the anchor each time is d²/2.
        #expect(reopened < 4 * depth, "\(reopened) reopenings to climb \(depth) levels")
        // Shallow paths never reopen anything.
        var shallow = DirectoryTrail(anchor: anchor)
        defer { shallow.closeAll() }
        let before = reopened
        var current = anchor
        for _ in 0..<DirectoryTrail.denseCount {
            let descriptor = SystemFiles.openAt(current, name, SystemFiles.directoryStep)
            try #require(descriptor >= 0)
            shallow.descend(into: name, descriptor: descriptor)
            current = descriptor
        }
        for _ in 0..<DirectoryTrail.denseCount {
            let climbed = shallow.climb()
            #expect(climbed)
            _ = shallow.currentDirectory(reopen: reopen)
        }
        #expect(reopened == before)
    }

    static func identity(_ descriptor: Int32) throws -> FileIdentity {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw AttackTree.SetupError(step: "fstat") }
        return FileIdentity(status)
    }
}
