import Testing
import WasmComponent

@testable import Capabilities

private let fs = PolicyFixture.filesystem
private func read(_ path: String) -> ScopeRequest { .path(path, .read) }
private func write(_ path: String) -> ScopeRequest { .path(path, .write) }

@Suite("Policy changes: grant, revoke, deny, resolution")
struct PolicyChangeTests {
    func fresh() throws -> Policy { try PolicyFixture.policy() }

    @Test("short and full names resolve to the same import")
    func resolution() throws {
        let policy = try fresh()
        let spellings = ["filesystem", "sandbox:skill/filesystem"]
        for text in spellings {
            #expect(try policy.resolve(text) == CapabilityTarget(interface: PolicyFixture.filesystem, function: nil))
        }
        #expect(
            try policy.resolve("clock@0.1.0.now") == CapabilityTarget(interface: PolicyFixture.clock, function: "now"))
        #expect(
            try policy.resolve("sandbox:skill/clock@0.1.0")
                == CapabilityTarget(interface: PolicyFixture.clock, function: nil))
        #expect(
            try policy.resolve("wasi:io/streams.read")
                == CapabilityTarget(interface: "wasi:io/streams@0.2.0", function: "read"))
        #expect(try policy.resolve("logger.anything") == CapabilityTarget(interface: "logger", function: "anything"))
    }

    @Test(
        "unknown, ambiguous and misspelt names are clear errors",
        arguments: [
            (
                "network",
                "component 'app' does not import 'network' (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"
            ),
            (
                "streams",
                "'streams' is ambiguous for component 'app': it could be wasi:io/streams@0.2.0 or acme:net/streams@1.0.0; write the full name"
            ),
            (
                "filesystem.read-flie",
                "interface 'filesystem' of component 'app' has no function 'read-flie'; did you mean 'read-file'? (its functions: read-file, write-file, list-dir)"
            ),
            (
                "clock@0.2.0",
                "component 'app' does not import 'clock@0.2.0'; did you mean 'clock'? (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"
            ),
            (
                "filesytem",
                "component 'app' does not import 'filesytem'; did you mean 'filesystem'? (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"
            ),
            (
                "",
                "component 'app' does not import '' (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"
            ),
        ])
    func resolutionErrors(text: String, message: String) throws {
        var policy = try fresh()
        #expect(throws: PolicyError.self) { try policy.grant(text) }
        do {
            try policy.grant(text)
        } catch {
            #expect(error.description == message)
        }
        #expect(policy.grants.isEmpty)
    }

    @Test("a component without imports says so")
    func noImports() throws {
        var policy = try Policy(component: "bare", catalog: ImportCatalog(interfaceNames: []), root: "/r")
        do {
            try policy.grant("filesystem")
            Issue.record("grant should fail")
        } catch {
            #expect(error.description == "component 'bare' does not import 'filesystem' (it imports nothing)")
        }
    }

    @Test(
        "bad scopes are refused",
        arguments: [
            ("", "invalid path '': it is empty"),
            ("./a\u{0}b", "invalid path './a\\u{0}b': it contains a NUL byte"),
            (
                "./" + String(repeating: "n", count: 256),
                "invalid path './\(String(repeating: "n", count: 98))…\(String(repeating: "n", count: 100))': it has a name 256 bytes long, more than the limit of 255"
            ),
            (
                "/" + String(repeating: "d/", count: 2100),
                "invalid path '\(String(repeating: "/d", count: 50))…\(String(repeating: "d/", count: 50))': it is 4201 bytes long, more than the limit of 4096"
            ),
        ])
    func badScopes(path: String, message: String) throws {
        var policy = try fresh()
        do {
            try policy.grant("filesystem", scopes: [path])
            Issue.record("grant should fail")
        } catch {
            #expect(error.description == message)
        }
        #expect(policy.grants.isEmpty)
    }

    @Test("the root must be absolute")
    func relativeRoot() {
        #expect(throws: PolicyError.rootNotAbsolute(root: "work")) {
            try Policy(component: "x", catalog: PolicyFixture.catalog, root: "work")
        }
    }

    @Test("grant reports what changed")
    func grantSummaries() throws {
        var policy = try fresh()
        #expect(
            try policy.grant("filesystem", scopes: ["/etc/hostname"]).map(\.description) == [
                "granted app: filesystem read /etc/hostname"
            ])
        #expect(
            try policy.grant("filesystem", scopes: ["/etc/hostname"]).map(\.description) == [
                "already granted app: filesystem read /etc/hostname"
            ])
        #expect(
            try policy.grant("filesystem", scopes: ["/etc//hostname"], access: .write).map(\.description)
                == ["granted app: filesystem read+write /etc/hostname (was read)"])
        #expect(try policy.grant("filesystem", scopes: ["/etc/hostname"], access: .read).map(\.kind) == [.unchanged])
        #expect(try policy.grant("clock.now").map(\.kind) == [.added])
        #expect(
            policy.grants.map(policy.describe)
                == ["sandbox:skill/clock@0.1.0.now", "filesystem read+write /etc/hostname"].map { text in
                    text == "sandbox:skill/clock@0.1.0.now" ? "clock.now" : text
                })
    }

    @Test("granting something explicitly denied notes that the deny wins")
    func grantUnderDeny() throws {
        var policy = try PolicyFixture.policy(denies: ["filesystem /etc"])
        let change = try policy.grant("filesystem", scopes: ["/etc/hostname"])
        #expect(
            change.map(\.description) == [
                "granted app: filesystem read /etc/hostname (the explicit deny 'filesystem read /etc' still wins)"
            ])
        let unrelated = try policy.grant("filesystem", scopes: ["./demo.txt"])
        #expect(unrelated.map(\.notes) == [[]])
    }

    @Test("revoking a scope leaves the other scopes")
    func revokeOneScope() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem ./a ./b"])
        #expect(
            try policy.revoke("filesystem", scopes: ["./a"]).map(\.description) == ["revoked app: filesystem read ./a"])
        #expect(policy.grants.map(policy.describe) == ["filesystem read ./b"])
        #expect(!policy.decide(interface: fs, function: "read-file", request: read("./a")).isAllowed)
        #expect(policy.decide(interface: fs, function: "read-file", request: read("./b")).isAllowed)
    }

    @Test("revoking the interface removes only its unscoped grant")
    func revokeUnscoped() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem", "filesystem ./a", "filesystem.read-file"])
        try policy.revoke("filesystem")
        #expect(policy.grants.map(policy.describe) == ["filesystem read ./a", "filesystem.read-file"])
    }

    @Test("revoking the interface when only scopes are granted is an error listing them")
    func revokeUnscopedMissing() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem ./demo.txt"])
        do {
            try policy.revoke("filesystem")
            Issue.record("revoke should fail")
        } catch {
            #expect(
                error.description
                    == "component 'app' has no grant 'filesystem' to remove (its grants: filesystem read ./demo.txt)")
        }
        #expect(policy.grants.count == 1)
    }

    @Test("revoking what was never granted is an error, and nothing changes")
    func revokeNothing() throws {
        var policy = try fresh()
        do {
            try policy.revoke("clock")
            Issue.record("revoke should fail")
        } catch {
            #expect(error.description == "component 'app' has no grant 'clock' to remove (it has no grants)")
        }
        var scoped = try PolicyFixture.policy(grants: ["filesystem ./a"])
        let before = scoped
        #expect(throws: PolicyError.self) { try scoped.revoke("filesystem", scopes: ["./a", "./never"]) }
        #expect(scoped == before)
    }

    @Test("revoking write access leaves read")
    func revokeAccess() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem --rw ./d"])
        #expect(
            try policy.revoke("filesystem", scopes: ["./d"], access: .write).map(\.description)
                == ["revoked app: filesystem write ./d (read remains)"])
        #expect(policy.grants.map(policy.describe) == ["filesystem read ./d"])
        do {
            try policy.revoke("filesystem", scopes: ["./d"], access: .write)
            Issue.record("revoke should fail")
        } catch {
            #expect(
                error.description
                    == "component 'app' has no grant 'filesystem write ./d' to remove (that scope has read only)")
        }
        try policy.revoke("filesystem", scopes: ["./d"], access: .read)
        #expect(policy.grants.isEmpty)
    }

    @Test("revoking a function grant leaves the interface grant")
    func revokeFunction() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem", "filesystem.read-file"])
        try policy.revoke("filesystem.read-file")
        #expect(policy.grants.map(policy.describe) == ["filesystem"])
    }

    @Test("revoke all removes every grant of the interface")
    func revokeAll() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem", "filesystem ./a", "filesystem.read-file", "clock"])
        let changes = try policy.revokeAll("filesystem")
        #expect(changes.count == 3)
        #expect(policy.grants.map(policy.describe) == ["clock"])
        #expect(throws: PolicyError.self) { try policy.revokeAll("filesystem") }
    }

    @Test("removing a deny restores the grant")
    func removeDeny() throws {
        var policy = try PolicyFixture.policy(grants: ["filesystem"], denies: ["filesystem"])
        #expect(!policy.decide(interface: fs, function: "read-file", request: read("/x")).isAllowed)
        #expect(try policy.removeDeny("filesystem").map(\.description) == ["removed deny app: filesystem"])
        #expect(policy.decide(interface: fs, function: "read-file", request: read("/x")).isAllowed)
        do {
            try policy.removeDeny("filesystem")
            Issue.record("should fail")
        } catch {
            #expect(error.description == "component 'app' has no deny 'filesystem' to remove (it has no denies)")
        }
    }

    @Test("policies with the same rules compare equal whatever the order of granting")
    func canonicalOrder() throws {
        let one = try PolicyFixture.policy(grants: ["filesystem ./b", "clock", "filesystem ./a", "filesystem"])
        let two = try PolicyFixture.policy(grants: ["filesystem", "filesystem ./a", "clock", "filesystem ./b"])
        #expect(one == two)
        #expect(one.grants.map(one.describe) == ["clock", "filesystem", "filesystem read ./a", "filesystem read ./b"])
    }

    @Test("a change takes effect on the next decision")
    func immediate() throws {
        var policy = try fresh()
        #expect(!policy.decide(interface: fs, function: "read-file", request: read("./demo.txt")).isAllowed)
        try policy.grant("filesystem", scopes: ["./demo.txt"])
        #expect(policy.decide(interface: fs, function: "read-file", request: read("./demo.txt")).isAllowed)
        try policy.revoke("filesystem", scopes: ["./demo.txt"])
        #expect(!policy.decide(interface: fs, function: "read-file", request: read("./demo.txt")).isAllowed)
    }

    @Test("a catalog from a world lists its imported interfaces and their functions")
    func catalogFromWorld() throws {
        let readFile = NamedFunction(
            name: "read-file",
            type: FunctionType(
                parameters: [.init(name: "path", type: .string)], result: .result(ok: .string, err: .string)))
        let world = ComponentWorld(
            imports: [
                .interface(InterfaceDescription(name: PolicyFixture.filesystem, types: [], functions: [readFile])),
                .function(NamedFunction(name: "log", type: FunctionType(parameters: [], result: nil))),
            ],
            exports: [])
        let catalog = ImportCatalog(world: world)
        #expect(catalog.interfaces == [.init(name: PolicyFixture.filesystem, functions: ["read-file"])])
    }
}

@Suite("Lexical paths")
struct LexicalPathTests {
    /// The policy cleans paths into bytes on its hot path, the filesystem into components: both
    /// must agree on every path, or a path could be judged under one meaning and opened under another.
    @Test("the byte cleaner and the component cleaner agree on every combination")
    func cleanersAgree() {
        let pieces = ["a", "bb", ".", "..", "", "c.d", "..."]
        let root = "/work/session"
        let rootBytes = LexicalPath.cleanedAbsoluteBytes(of: root, root: [])
        var checked = 0
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    for prefix in ["", "/", "./", "../"] {
                        let path = prefix + [first, second, third].joined(separator: "/")
                        let components = LexicalPath.absoluteComponents(
                            of: path, base: LexicalPath.absoluteComponents(of: root, base: []))
                        let expected = components.isEmpty ? "" : "/" + components.joined(separator: "/")
                        let bytes = LexicalPath.cleanedAbsoluteBytes(of: path, root: rootBytes)
                        #expect(String(decoding: bytes, as: UTF8.self) == expected, "path \(path)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 7 * 7 * 7 * 4)
    }

    @Test(
        "display forms",
        arguments: [
            ("demo.txt", "./demo.txt"), ("./demo.txt", "./demo.txt"), ("a/../b", "./b"), ("a/..", "."), (".", "."),
            ("../x/./y", "../x/y"), ("../../x", "../../x"), ("/etc//hostname/", "/etc/hostname"), ("/..", "/"),
            ("/", "/"),
        ])
    func displayForms(path: String, display: String) {
        #expect(LexicalPath.displayForm(of: path) == display)
    }

    @Test("covers needs a whole-name boundary")
    func boundaries() {
        func covers(_ scope: String, _ request: String) -> Bool {
            let scopeBytes = LexicalPath.cleanedAbsoluteBytes(of: scope, root: [])
            let requestBytes = LexicalPath.cleanedAbsoluteBytes(of: request, root: [])
            return scopeBytes.withUnsafeBufferPointer { s in
                requestBytes.withUnsafeBufferPointer { LexicalPath.covers(scope: s, request: $0) }
            }
        }
        #expect(covers("/data", "/data"))
        #expect(covers("/data", "/data/x"))
        #expect(!covers("/data", "/database"))
        #expect(!covers("/data/x", "/data"))
        #expect(covers("/", "/anything"))
        #expect(covers("/", "/"))
    }
}
