import Testing

@testable import Capabilities

/// One row: the policy (grants and denies in shell words), one call, the expected decision.
struct DecisionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let grants: [String]
    let denies: [String]
    let interface: String
    let function: String
    let request: ScopeRequest
    let expected: String
    var testDescription: String { name }

    init(
        _ name: String, grants: [String] = [], denies: [String] = [],
        call interface: String = PolicyFixture.filesystem, _ function: String = "read-file",
        _ request: ScopeRequest = .none, expect expected: String
    ) {
        self.name = name
        self.grants = grants
        self.denies = denies
        self.interface = interface
        self.function = function
        self.request = request
        self.expected = expected
    }
}

/// Short spellings for the table below.
private let fs = PolicyFixture.filesystem
private func read(_ path: String) -> ScopeRequest { .path(path, .read) }
private func write(_ path: String) -> ScopeRequest { .path(path, .write) }

let decisionTable: [DecisionCase] = [
    // Deny by default.
    .init(
        "fresh policy denies everything", call: fs, "read-file", read("./demo.txt"),
        expect: "deny Permission denied: component 'app' does not have filesystem capability"),
    .init(
        "fresh policy denies calls without paths", call: PolicyFixture.clock, "now",
        expect: "deny Permission denied: component 'app' does not have clock capability"),
    .init(
        "a grant of one interface does not allow another", grants: ["clock"], call: fs, "read-file",
        read("/etc/passwd"),
        expect: "deny Permission denied: component 'app' does not have filesystem capability"),
    .init(
        "ambiguous short names are shown in full", call: "wasi:io/streams@0.2.0", "read",
        expect: "deny Permission denied: component 'app' does not have wasi:io/streams@0.2.0 capability"),
    // Unscoped grants.
    .init(
        "unscoped grant allows any path", grants: ["filesystem"], call: fs, "read-file", read("/etc/passwd"),
        expect: "allow filesystem"),
    .init(
        "unscoped grant allows writes too", grants: ["filesystem"], call: fs, "write-file", write("/tmp/x"),
        expect: "allow filesystem"),
    .init(
        "unscoped grant allows calls without paths", grants: ["clock"], call: PolicyFixture.clock, "now",
        expect: "allow clock"),
    .init(
        "full name grants the same capability", grants: ["sandbox:skill/filesystem"], call: fs, "list-dir", read("."),
        expect: "allow filesystem"),
    .init(
        "versioned short name grants", grants: ["clock@0.1.0"], call: PolicyFixture.clock, "now", expect: "allow clock"),
    .init(
        "unversioned full name grants", grants: ["sandbox:skill/clock"], call: PolicyFixture.clock, "now",
        expect: "allow clock"),
    // Function grants.
    .init(
        "function grant allows that function", grants: ["filesystem.read-file"], call: fs, "read-file", read("/x"),
        expect: "allow filesystem.read-file"),
    .init(
        "function grant does not allow another function", grants: ["filesystem.read-file"], call: fs, "write-file",
        write("/x"),
        expect: "deny Permission denied: component 'app' does not have filesystem.write-file capability"),
    .init(
        "interface-wide grant is preferred as the reason", grants: ["filesystem.read-file", "filesystem"], call: fs,
        "read-file", read("/x"),
        expect: "allow filesystem"),
    .init(
        "full name with function", grants: ["sandbox:skill/filesystem.list-dir"], call: fs, "list-dir", read("/"),
        expect: "allow filesystem.list-dir"),
    // Scopes.
    .init(
        "file scope allows exactly that file", grants: ["filesystem ./demo.txt"], call: fs, "read-file",
        read("./demo.txt"),
        expect: "allow filesystem read ./demo.txt"),
    .init(
        "relative and absolute spellings of the same file", grants: ["filesystem ./demo.txt"], call: fs, "read-file",
        read("/work/session/demo.txt"),
        expect: "allow filesystem read ./demo.txt"),
    .init(
        "scope written without ./ is the same", grants: ["filesystem demo.txt"], call: fs, "read-file",
        read("demo.txt"),
        expect: "allow filesystem read ./demo.txt"),
    .init(
        "file scope refuses a sibling", grants: ["filesystem ./demo.txt"], call: fs, "read-file", read("./demo.txt2"),
        expect: "deny Permission denied: './demo.txt2' is outside the granted scope (./demo.txt)"),
    .init(
        "file scope refuses /etc/passwd", grants: ["filesystem ./demo.txt"], call: fs, "read-file", read("/etc/passwd"),
        expect: "deny Permission denied: '/etc/passwd' is outside the granted scope (./demo.txt)"),
    .init(
        "prefix of a name is not a prefix of the path", grants: ["filesystem ./data"], call: fs, "read-file",
        read("./database"),
        expect: "deny Permission denied: './database' is outside the granted scope (./data)"),
    .init(
        "directory scope allows beneath", grants: ["filesystem ./data"], call: fs, "read-file", read("data/a/b.txt"),
        expect: "allow filesystem read ./data"),
    .init(
        "dot-dot back out of a scope is refused", grants: ["filesystem ./data"], call: fs, "read-file",
        read("./data/../secret"),
        expect: "deny Permission denied: './data/../secret' is outside the granted scope (./data)"),
    .init(
        "dot-dot that stays inside is fine", grants: ["filesystem ./data"], call: fs, "read-file",
        read("./data/a/../b"),
        expect: "allow filesystem read ./data"),
    .init(
        "dot-dot above the root stops at /", grants: ["filesystem /etc/hostname"], call: fs, "read-file",
        read("../../../../../etc/hostname"),
        expect: "allow filesystem read /etc/hostname"),
    .init(
        "read scope does not allow writing", grants: ["filesystem ./data"], call: fs, "write-file", write("./data/x"),
        expect: "deny Permission denied: write access to './data/x' is outside the granted scope (./data)"),
    .init(
        "write scope allows writing", grants: ["filesystem ./out --write"], call: fs, "write-file", write("./out/x"),
        expect: "allow filesystem write ./out"),
    .init(
        "write scope does not allow reading", grants: ["filesystem ./out --write"], call: fs, "read-file",
        read("./out/x"),
        expect: "deny Permission denied: './out/x' is outside the granted scope (./out [write])"),
    .init(
        "several scopes are all named", grants: ["filesystem ./a ./b"], call: fs, "read-file", read("./c"),
        expect: "deny Permission denied: './c' is outside the granted scopes (./a, ./b)"),
    .init(
        "the broadest covering scope is the reason", grants: ["filesystem ./data/sub", "filesystem ./data"], call: fs,
        "read-file", read("./data/sub/x"),
        expect: "allow filesystem read ./data"),
    .init(
        "scoped grants do not allow calls without a path", grants: ["filesystem ./data"], call: fs, "list-dir",
        expect:
            "deny Permission denied: component 'app' may call filesystem.list-dir only on paths within its granted scope (./data)"
    ),
    .init(
        "unscoped grant beside scoped ones wins", grants: ["filesystem ./a", "filesystem"], call: fs, "read-file",
        read("/z"),
        expect: "allow filesystem"),
    .init(
        "scoped function grant", grants: ["filesystem.read-file ./a"], call: fs, "read-file", read("./a/x"),
        expect: "allow filesystem.read-file read ./a"),
    .init(
        "scoped function grant does not cover other functions", grants: ["filesystem.read-file ./a"], call: fs,
        "list-dir", read("./a"),
        expect: "deny Permission denied: component 'app' does not have filesystem.list-dir capability"),
    .init(
        "root scope . covers the session root", grants: ["filesystem ."], call: fs, "read-file", read("x/y"),
        expect: "allow filesystem read ."),
    .init(
        "root scope . does not cover its parent", grants: ["filesystem ."], call: fs, "read-file", read("../x"),
        expect: "deny Permission denied: '../x' is outside the granted scope (.)"),
    .init(
        "byte-different unicode names differ", grants: ["filesystem ./caf\u{E9}"], call: fs, "read-file",
        read("./cafe\u{301}"),
        expect: "deny Permission denied: './cafe\u{301}' is outside the granted scope (./caf\u{E9})"),
    .init(
        "control characters in a path are escaped in the message", grants: ["filesystem ./a"], call: fs, "read-file",
        read("./b\n\u{1B}[31m"),
        expect: "deny Permission denied: './b\\n\\u{1b}[31m' is outside the granted scope (./a)"),
    // Deny wins.
    .init(
        "explicit deny beats unscoped grant", grants: ["filesystem"], denies: ["filesystem"], call: fs, "read-file",
        read("./x"),
        expect: "deny Permission denied: component 'app' is denied filesystem capability"),
    .init(
        "function deny beats interface grant", grants: ["filesystem"], denies: ["filesystem.write-file"], call: fs,
        "write-file", write("./x"),
        expect: "deny Permission denied: component 'app' is denied filesystem.write-file capability"),
    .init(
        "function deny leaves other functions", grants: ["filesystem"], denies: ["filesystem.write-file"], call: fs,
        "read-file", read("./x"),
        expect: "allow filesystem"),
    .init(
        "scoped deny carves out of a scoped grant", grants: ["filesystem ./data"], denies: ["filesystem ./data/secret"],
        call: fs, "read-file", read("./data/secret/k"),
        expect: "deny Permission denied: './data/secret/k' is inside the denied scope (./data/secret)"),
    .init(
        "scoped deny leaves the rest", grants: ["filesystem ./data"], denies: ["filesystem ./data/secret"], call: fs,
        "read-file", read("./data/public"),
        expect: "allow filesystem read ./data"),
    .init(
        "scoped deny carves out of an unscoped grant", grants: ["filesystem"], denies: ["filesystem /etc"], call: fs,
        "read-file", read("/etc/shadow"),
        expect: "deny Permission denied: '/etc/shadow' is inside the denied scope (/etc)"),
    .init(
        "read deny does not stop writes", grants: ["filesystem --rw ./d"], denies: ["filesystem ./d"], call: fs,
        "write-file", write("./d/x"),
        expect: "allow filesystem read+write ./d"),
    .init(
        "write deny stops writes", grants: ["filesystem --rw ./d"], denies: ["filesystem ./d --write"], call: fs,
        "write-file", write("./d/x"),
        expect: "deny Permission denied: './d/x' is inside the denied scope (./d [write])"),
    .init(
        "scoped deny does not apply to calls without a path", grants: ["filesystem"], denies: ["filesystem /etc"],
        call: fs, "list-dir",
        expect: "allow filesystem"),
    .init(
        "deny without any grant still reports the deny", denies: ["clock"], call: PolicyFixture.clock, "now",
        expect: "deny Permission denied: component 'app' is denied clock capability"),
    .init(
        "deny of another interface changes nothing", grants: ["filesystem"], denies: ["clock"], call: fs, "read-file",
        read("/x"),
        expect: "allow filesystem"),
    .init("inline interface without function list", grants: ["logger"], call: "logger", "log", expect: "allow logger"),
]

@Suite("Policy decisions")
struct PolicyDecisionTableTests {
    @Test("decision table", arguments: decisionTable)
    func decides(_ row: DecisionCase) throws {
        let policy = try PolicyFixture.policy(grants: row.grants, denies: row.denies)
        let decision = policy.decide(interface: row.interface, function: row.function, request: row.request)
        #expect(PolicyFixture.render(decision, in: policy) == row.expected)
    }

    @Test("short reasons name the missing capability or the scopes")
    func shortReasons() throws {
        let policy = try PolicyFixture.policy(
            grants: ["filesystem /etc/hostname", "clock.now"], denies: ["filesystem.write-file"])
        let reasons = [
            policy.decide(interface: fs, function: "read-file", request: read("/etc/passwd")),
            policy.decide(interface: "logger", function: "log"),
            policy.decide(interface: fs, function: "write-file", request: write("/x")),
            policy.decide(interface: PolicyFixture.clock, function: "now"),
        ].map(policy.basis(of:))
        #expect(
            reasons == [
                "outside /etc/hostname", "no logger capability", "denied by 'filesystem.write-file'", "grant clock.now",
            ])
    }

    @Test("a write inside a read-only scope is named as such, not as outside it")
    func writeInReadOnlyScope() throws {
        let policy = try PolicyFixture.policy(grants: ["filesystem /data", "filesystem ./out --write"])
        let reasons = [
            policy.decide(interface: fs, function: "write-file", request: write("/data/new.txt")),
            policy.decide(interface: fs, function: "write-file", request: write("/elsewhere")),
        ].map(policy.basis(of:))
        #expect(reasons == ["write not granted in /data", "outside ./out [write], /data"])
    }

    @Test("decision kinds are stable names for the audit log")
    func kinds() throws {
        let policy = try PolicyFixture.policy(grants: ["filesystem.read-file ./a"], denies: ["clock"])
        let kinds = [
            policy.decide(interface: "logger", function: "log"),
            policy.decide(interface: fs, function: "write-file", request: write("./a")),
            policy.decide(interface: fs, function: "read-file", request: read("./b")),
            policy.decide(interface: fs, function: "read-file"),
            policy.decide(interface: PolicyFixture.clock, function: "now"),
        ].compactMap { decision -> String? in
            if case .deny(let reason) = decision { return reason.kind }
            return nil
        }
        #expect(
            kinds == [
                "missing-capability", "function-not-granted", "outside-scope", "scoped-grants-only",
                "explicitly-denied",
            ])
    }
}
