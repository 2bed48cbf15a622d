import Capabilities
import Testing
import WASIOracleSupport

/// What wasmsh's grants do inside a preopen that wasmtime cannot: a single file granted, a
/// subfolder denied, a write grant inside a read-only one. The tree is the oracle's
/// (`components/wasi/oracle.py`'s `FS_FILES`): `data/` with hello.txt, sub/inner.txt, empty/, and
/// links in (`link-in`), out (`link-out`) and absolute (`link-abs`).
@Suite("WASI filesystem: wasmsh's grants inside a preopen")
struct FilesystemGrantTests {
    static func tree(_ extra: [OracleCase.Entry] = []) throws -> ScratchRoot {
        let root = try ScratchRoot(try OracleCase.load("fs-read").files)
        for entry in extra { try root.create(entry) }
        return root
    }

    static func directory(_ path: String) -> OracleCase.Entry {
        OracleCase.Entry(path: path, type: "directory", text: nil, target: nil)
    }

    static func file(_ path: String, _ text: String) -> OracleCase.Entry {
        OracleCase.Entry(path: path, type: "file", text: text, target: nil)
    }

    @Test("a single file granted is a preopen of that file: `.` is the file, nothing else is reachable")
    func singleFile() throws {
        let root = try Self.tree()
        let grant = ["data/hello.txt::/data/hello.txt"]
        #expect(try FSCommand.run(["preopens"], root: root.path, grants: grant).stdout == "preopen /data/hello.txt\n")
        #expect(try FSCommand.run(["read", "."], root: root.path, grants: grant).stdout == "hello from a file\n")
        #expect(
            try FSCommand.run(["stream-read", "."], root: root.path, grants: grant).stdout == "hello from a file\n")
        #expect(try FSCommand.run(["stat", "."], root: root.path, grants: grant).stdout == "regular-file size 18\n")
        for path in ["..", "../outside.txt", "sub/inner.txt", "hello.txt", "x/.."] {
            #expect(
                try FSCommand.run(["read", path], root: root.path, grants: grant).failure == "open-at: not-directory")
        }
        #expect(try FSCommand.run(["list", "."], root: root.path, grants: grant).failure == "open-at: not-directory")
        // Read-only: writing is refused as in a read-only preopen; granted for writing, it works.
        #expect(
            try FSCommand.run(["write", ".", "x"], root: root.path, grants: grant).failure == "open-at: not-permitted")
        #expect(root.read("data/hello.txt") == "hello from a file\n")
        let written = try FSCommand.run(["write", ".", "rewritten\n"], root: root.path, writable: grant)
        #expect(written.stdout == "wrote 10 bytes\n")
        #expect(root.read("data/hello.txt") == "rewritten\n")
        let appended = try FSCommand.run(["append", ".", "more\n"], root: root.path, writable: grant)
        #expect(appended.stdout == "appended 5 bytes\n")
        #expect(root.read("data/hello.txt") == "rewritten\nmore\n")
        #expect(
            try FSCommand.run(["rm", "."], root: root.path, writable: grant).failure == "unlink-file-at: not-directory")
    }

    @Test(
        "CPython opens, reads and rewrites a single file granted as a preopen by its own name")
    func singleFilePython() throws {
        let root = try Self.tree()
        let grants = [
            GrantRequest("stdout"), GrantRequest("stderr"),
            GrantRequest("wasi:filesystem", scopes: ["data/hello.txt::/data/hello.txt"], access: .readWrite),
        ]
        let probe = try PackedFixture.bytes("python-probe")
        let read = try WASIFixture(bytes: probe, name: "python-probe", grants: grants, root: root.path)
        #expect(try read.run(["read", "/data/hello.txt"]) == .returned(ok: true))
        #expect(read.output.stdoutText == "hello from a file\n")
        let write = try WASIFixture(bytes: probe, name: "python-probe", grants: grants, root: root.path)
        #expect(try write.run(["write", "/data/hello.txt", "new text\n"]) == .returned(ok: true))
        #expect(write.output.stdoutText == "wrote 9\n")
        #expect(root.read("data/hello.txt") == "new text\n")
        // Its folder is not granted: nothing else there exists for the guest.
        let other = try WASIFixture(bytes: probe, name: "python-probe", grants: grants, root: root.path)
        #expect(try other.run(["read", "/data/sub/inner.txt"]) == .returned(ok: false))
        #expect(other.output.stderrText == "read: FileNotFoundError: [Errno 44] No such file or directory\n")
    }

    @Test("a single file granted by its default name: the host path as given, as wasmtime names a --dir")
    func singleFileDefaultName() throws {
        let root = try Self.tree()
        let run = try FSCommand.run(["preopens"], root: root.path, grants: ["data/hello.txt"])
        #expect(run.stdout == "preopen data/hello.txt\n")
    }

    @Test("a denied subfolder of a writable preopen: nothing in it is read, listed, written, moved or removed")
    func deniedSubfolder() throws {
        let root = try Self.tree([Self.directory("data/sub/deeper"), Self.file("data/sub/deeper/x.txt", "x")])
        let writable = ["./data::/data"]
        let denied = ["./data/sub"]
        let refused: [([String], String)] = [
            (["read", "sub/inner.txt"], "open-at: access"),
            (["stream-read", "sub/inner.txt"], "open-at: access"),
            (["list", "sub"], "open-at: access"),
            (["list", "sub/deeper"], "open-at: access"),
            (["stat", "sub"], "stat-at: access"),
            (["stat", "sub/inner.txt"], "stat-at: access"),
            (["write", "sub/new.txt", "x"], "open-at: access"),
            (["append", "sub/inner.txt", "x"], "open-at: access"),
            (["mkdir", "sub/new"], "create-directory-at: access"),
            (["rm", "sub/inner.txt"], "unlink-file-at: access"),
            (["rmdir", "sub/deeper"], "remove-directory-at: access"),
            (["rename", "sub", "moved"], "rename-at: access"),
            (["rename", "sub/inner.txt", "stolen.txt"], "rename-at: access"),
            (["rename", "hello.txt", "sub/hello.txt"], "rename-at: access"),
            (["symlink", "x", "sub/link"], "symlink-at: access"),
            (["readlink", "sub/inner.txt"], "readlink-at: access"),
        ]
        for (arguments, expected) in refused {
            let run = try FSCommand.run(arguments, root: root.path, writable: writable, denies: denied)
            #expect(run.failure == expected, "\(arguments): \(run.stdout) \(run.stderr)")
        }
        #expect(root.read("data/sub/inner.txt") == "inner file\n")
        #expect(root.read("data/hello.txt") == "hello from a file\n")
        // The rest of the preopen works; the denied folder's name is still listed.
        let list = try FSCommand.run(["list", "."], root: root.path, writable: writable, denies: denied)
        #expect(list.stdout.contains("directory sub\n"))
        let write = try FSCommand.run(
            ["write", "new.txt", "fine\n"], root: root.path, writable: writable, denies: denied)
        #expect(write.stdout == "wrote 5 bytes\n")
    }

    @Test("moving a folder that holds a denied one would carry it out of its deny: refused")
    func renameCarryingDeny() throws {
        let root = try Self.tree([Self.directory("data/sub/deeper"), Self.file("data/sub/deeper/x.txt", "x")])
        let run = try FSCommand.run(
            ["rename", "sub", "moved"], root: root.path, writable: ["./data::/data"], denies: ["./data/sub/deeper"])
        #expect(run.failure == "rename-at: access")
        #expect(root.read("data/sub/deeper/x.txt") == "x")
        let removed = try FSCommand.run(
            ["rm", "sub/inner.txt"], root: root.path, writable: ["./data::/data"], denies: ["./data/sub/deeper"])
        #expect(removed.stdout == "rm: ok\n")
    }

    @Test("a link to a denied folder is refused where it leads")
    func linkIntoDeny() throws {
        let root = try Self.tree([OracleCase.Entry(path: "data/to-sub", type: "symlink", text: nil, target: "sub")])
        let run = try FSCommand.run(
            ["read", "to-sub/inner.txt"], root: root.path, grants: ["./data::/data"], denies: ["./data/sub"])
        #expect(run.failure == "open-at: access")
    }

    @Test("a read-only preopen refuses every write as wasmtime does, before looking at the path")
    func readOnlyPreopen() throws {
        let root = try Self.tree()
        let refused: [([String], String)] = [
            (["write", "missing/x.txt", "x"], "open-at: not-permitted"),
            (["write", "hello.txt", "x"], "open-at: not-permitted"),
            (["append", "missing.txt", "x"], "open-at: not-permitted"),
            (["mkdir", "../x"], "create-directory-at: not-permitted"),
            (["rm", "../outside.txt"], "unlink-file-at: not-permitted"),
            (["symlink", "hello.txt", "x"], "symlink-at: not-permitted"),
            (["rmdir", "empty"], "remove-directory-at: not-permitted"),
        ]
        for (arguments, expected) in refused {
            let run = try FSCommand.run(arguments, root: root.path, grants: ["./data::/data"])
            #expect(run.failure == expected, "\(arguments): \(run.stdout) \(run.stderr)")
        }
        #expect(root.snapshot() == (try OracleCase.load("fs-read").expected.files))
    }

    @Test("a write grant inside a read-only preopen allows writing there, through the outer preopen too")
    func writableInsideReadOnly() throws {
        let root = try Self.tree()
        let grants = ["./data::/data"]
        let writable = ["./data/sub::/sub"]
        let inside = try FSCommand.run(
            ["write", "sub/new.txt", "x\n"], root: root.path, grants: grants, writable: writable)
        #expect(inside.stdout == "wrote 2 bytes\n")
        #expect(root.read("data/sub/new.txt") == "x\n")
        let outside = try FSCommand.run(["write", "new.txt", "x"], root: root.path, grants: grants, writable: writable)
        #expect(outside.failure == "open-at: not-permitted")
    }

    @Test("an unscoped grant preopens the whole filesystem as /, still walked beneath it")
    func unscopedGrant() throws {
        let root = try Self.tree()
        let fixtureRoot = root.path.dropFirst()
        #expect(try FSCommand.run(["preopens"], root: root.path, unscoped: true).stdout == "preopen /\n")
        let run = try FSCommand.run(["read", "\(fixtureRoot)/data/hello.txt"], root: root.path, unscoped: true)
        #expect(run.stdout == "hello from a file\n")
        let escape = try FSCommand.run(["read", "../etc/passwd"], root: root.path, unscoped: true)
        #expect(escape.failure == "open-at: not-permitted")
    }
}
