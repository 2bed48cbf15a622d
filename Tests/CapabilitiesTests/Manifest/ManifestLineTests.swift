import Foundation
import Testing

@testable import Capabilities

/// Every manifest error names the line it is about, whatever TOML the manifest uses: strings of
/// every kind holding things that look like headers and keys, comments with brackets, arrays over
/// several lines, inline tables, quoted keys, CRLF line ends (issue 15, finding 10).
@Suite("Manifest errors name exact lines")
struct ManifestLineTests {
    static let catalog = PolicyFixture.catalog
    static let network =
        "component 'trusted' does not import 'network' (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"

    /// The error loading `text` as the manifest of `trusted` gives, or nil when it loads.
    static func error(_ text: String) -> String? {
        do {
            _ = try Manifest.parse(text, file: "m.toml").policy(
                component: "trusted", catalog: catalog, root: "/work/session", expectedComponent: "trusted")
            return nil
        } catch {
            return error.description
        }
    }

    @Test(
        "the issue's manifests: a header inside a multi-line string, a table of an inline array",
        arguments: [("multiline-string.toml", 14), ("inline-array.toml", 8)])
    func issueManifests(name: String, line: Int) throws {
        let path = repositoryRoot.appendingPathComponent("components/hostile/manifests/\(name)").path
        let manifest = try Manifest.load(contentsOf: path)
        #expect(throws: ManifestError(file: path, line: line, message: Self.network)) {
            try manifest.policy(
                component: "trusted", catalog: Self.catalog, root: "/work/session", expectedComponent: "trusted")
        }
    }

    /// (manifest, the error): decoys in strings and comments must not move the line.
    static let cases: [(String, String)] = [
        (
            // A basic string with escaped quotes, brackets and a key inside.
            """
            component = "trusted"
            [[grant]]
            interface = "filesystem"
            read = ["./a \\" [[grant]] interface = \\"network\\"", "./b"]
            [[grant]]
            interface = "network"
            """,
            "m.toml:6: \(network)"
        ),
        (
            // Literal strings, one-line and multi-line.
            """
            [[grant]]
            interface = 'filesystem'
            read = ['./a [[grant]]', '''
            [[grant]]
            interface = "network"
            ''']

            [[grant]]
            interface = 'network'
            """,
            "m.toml:9: \(network)"
        ),
        (
            // A multi-line basic string with an escaped delimiter and a line-ending backslash.
            """
            [[grant]]
            interface = "filesystem"
            read = [\"\"\"
            ./a \\\"\"\" still inside \\
            [[grant]]
            interface = "network"
            ""\"\"\"]
            [[deny]]
            interface = "network"
            """,
            "m.toml:9: \(network)"
        ),
        (
            // Comments holding brackets, headers and keys.
            """
            # [[grant]]
            [[grant]] # [[deny]]
            # interface = "network"
            interface = "filesystem" # ]
            read = [ # [
              "./a", # "./b" ]
              # [[grant]]
            ]
            [[grant]]   # interface = "filesystem"
            interface = "network"
            """,
            "m.toml:10: \(network)"
        ),
        (
            // An invalid path in a list over several lines: the line of that path.
            """
            [[grant]]
            interface = "filesystem"
            read = [
              "./a",   # fine
              '''./b''',
              \"\"\"
            ./c\"\"\",
              '',
            ]
            """,
            "m.toml:8: invalid path '' in 'read': it is empty"
        ),
        (
            // A path that is not a string, on its own line.
            "[[grant]]\ninterface = \"filesystem\"\nwrite = [\n  \"./a\",\n  [\"./b\"],\n]\n",
            "m.toml:5: 'write' must hold path strings only, found an array"
        ),
        (
            // Inline tables in an array over several lines: the line of each table.
            """
            component = "trusted"
            grant = [
              { interface = "filesystem", read = ["./a", "]"] },
              { interface = "clock" }, { interface = "logger" },
              # { interface = "network" }
              { function = "now", interface = "network" },
            ]
            """,
            "m.toml:6: \(network)"
        ),
        (
            // An inline table's unknown key: the line of the table.
            "grant = [\n  { interface = \"filesystem\" },\n  { interface = \"clock\", scope = \"x\" },\n]\n",
            "m.toml:3: unknown key 'scope' in [[grant]] (expected interface, function, read, write, variables, sockets)"
        ),
        (
            "grant = [\n  { interface = \"filesystem\" },\n  \"clock\",\n]\n",
            "m.toml:3: each 'grant' must be a table, not a string"
        ),
        (
            // Quoted keys and headers, escapes in keys, blanks inside brackets.
            """
            [[ "grant" ]]
            "interface" = "filesystem"
            [[ 'grant' ]]
            'interface' = "clock"
            [["grant"]]
            "inter\\u0066ace" = "network"
            """,
            "m.toml:6: \(network)"
        ),
        (
            // CRLF line ends.
            "component = \"trusted\"\r\n\r\n[[grant]]\r\ninterface = \"filesystem\"\r\n\r\n[[grant]]\r\ninterface = \"network\"\r\n",
            "m.toml:7: \(network)"
        ),
        (
            // A byte order mark before the first header.
            "\u{FEFF}[[grant]]\ninterface = \"filesystem\"\n[[grant]]\ninterface = \"network\"\n",
            "m.toml:4: \(network)"
        ),
        (
            // An unknown key in a [[deny]] after a multi-line string.
            """
            [[grant]]
            interface = "filesystem"
            read = [\"\"\"./x
            reed = 1\"\"\"]
            [[deny]]
            interface = "filesystem"
            reed = ["./a"]
            """,
            "m.toml:7: unknown key 'reed' in [[deny]] (expected interface, function, read, write, variables, sockets)"
        ),
        (
            // Unknown top-level keys made by a header or a dotted key: the first written.
            "component = \"trusted\"\n# extra = 1\nother.x = \"[extra]\"\n[extra]\nx = 1\n",
            "m.toml:3: unknown key 'other' (expected component, sha256, grant, deny)"
        ),
        (
            // A dotted key makes `read` a table.
            "[[grant]]\ninterface = \"filesystem\"\n\nread.x = \"./a\"\n",
            "m.toml:4: 'read' must be an array of path strings, not a table"
        ),
        (
            // A function that does not exist, after multi-line strings.
            "[[grant]]\ninterface = \"\"\"filesystem\"\"\"\nread = ['''\n./a\n''']\nfunction = \"read-flie\"\n",
            "m.toml:6: interface 'filesystem' of component 'trusted' has no function 'read-flie'; did you mean 'read-file'? (its functions: read-file, write-file, list-dir)"
        ),
    ]

    @Test("decoys in strings and comments never move the line", arguments: cases)
    func lines(text: String, expected: String) {
        #expect(Self.error(text) == expected)
    }

    @Test("TOML syntax errors keep TOMLKit's line and column")
    func syntaxErrorColumns() {
        #expect(
            Self.error("component = \"trusted\"\n\n[[grant]]\ninterface = \"filesystem\"\nread = [\"./a\",,]\n")
                == "m.toml:5:15: TOML syntax error: Error while parsing array: expected value or closing ']', saw comma"
        )
    }

    // MARK: NUL characters

    @Test(
        "NUL characters are refused wherever TOMLKit would stop reading or cut a string",
        arguments: [
            // A raw NUL in a comment would hide the deny after it from TOMLKit.
            ("[[grant]]\ninterface = \"filesystem\"\n# \u{0} \n[[deny]]\ninterface = \"filesystem\"\n", 3),
            ("[[grant]]\ninterface = \"filesystem\"\nread = [\"./a\\U00000000b\"]\n", 3),
            ("[[grant]]\n\"inter\\u0000face\" = \"filesystem\"\n", 2),
            ("[[grant]]\ninterface = \"filesystem\"\nread = [\"\"\"\n./a\n\\u0000\"\"\"]\n", 5),
        ])
    func nulCharacters(text: String, line: Int) {
        #expect(Self.error(text) == "m.toml:\(line): NUL characters (\\u0000) are not allowed in a manifest")
    }

    @Test("text that only looks like a NUL escape is not one")
    func notNulEscapes() throws {
        let text = """
            # \\u0000 in a comment
            [[grant]]
            interface = "filesystem"
            read = ["./a\\\\u0000b", './c\\u0000d']
            """
        let policy = try Manifest.parse(text, file: "m.toml").policy(
            component: "trusted", catalog: Self.catalog, root: "/work/session")
        #expect(
            policy.grants.map(policy.describe) == ["filesystem read ./a\\\\u0000b", "filesystem read ./c\\\\u0000d"])
    }

    // MARK: Limits

    @Test("nesting deeper than the limit is refused before TOMLKit sees it")
    func nesting() {
        let limit = Manifest.nestingLimit
        let message = "tables, arrays and dotted keys are nested more than \(limit) deep (the limit for a manifest)"
        let arrays = "component = \"trusted\"\nx = " + String(repeating: "[", count: 100_000) + "\n"
        #expect(Self.error(arrays) == "m.toml:2: \(message)")
        let header = "\n\n[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]\n"
        #expect(Self.error(header) == "m.toml:3: \(message)")
        let dotted = "[[grant]]\n" + Array(repeating: "k", count: limit + 1).joined(separator: ".") + " = 1\n"
        #expect(Self.error(dotted) == "m.toml:2: \(message)")
        // Within the limit, TOMLKit and the manifest's own checks answer.
        let shallow = "x = " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "\n"
        #expect(Self.error(shallow) == "m.toml:1: unknown key 'x' (expected component, sha256, grant, deny)")
    }

    @Test("a manifest larger than the size limit is refused, as text and as a file, before it is read")
    func sizeLimit() throws {
        let message = "the manifest is larger than the limit of 1 MiB (1048576 bytes) for a manifest"
        #expect(Manifest.sizeLimit == 1 << 20)
        let text = String(repeating: "#", count: Manifest.sizeLimit + 1)
        #expect(throws: ManifestError(file: "m.toml", line: nil, message: message)) {
            try Manifest.parse(text, file: "m.toml")
        }
        // A 100 MB file (sparse: nothing written) is refused by its size.
        let path = NSTemporaryDirectory() + "wasmsh-huge-\(getpid()).toml"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { unlink(path) }
        let sized = ftruncate(descriptor, 100_000_000)
        close(descriptor)
        try #require(sized == 0)
        #expect(throws: ManifestError(file: path, line: nil, message: message)) {
            try Manifest.load(contentsOf: path)
        }
    }

    // MARK: Many rules

    @Test("20,000 [[grant]] tables load into 20,000 rules in canonical order")
    func manyGrantTables() throws {
        let count = 20_000
        var text = "component = \"trusted\"\n"
        for index in 0..<count {
            text += "[[grant]]\ninterface=\"filesystem\"\nread=[\"./s/\(index)\"]\n"
            // Every 1,000th scope again, with write access: merged into read+write.
            if index % 1000 == 0 { text += "[[grant]]\ninterface=\"filesystem\"\nwrite=[\"./s/\(index)\"]\n" }
        }
        text += "[[deny]]\ninterface=\"filesystem\"\nread=[\"./s/7\"]\n"
        #expect(text.utf8.count <= Manifest.sizeLimit)
        let policy = try Manifest.parse(text, file: "m.toml").policy(
            component: "trusted", catalog: Self.catalog, root: "/work/session")
        try Self.expectScopes(policy, count: count, readWriteEvery: 1000)
        #expect(policy.denies.map(policy.describe) == ["filesystem read ./s/7"])
        #expect(
            !policy.decide(interface: PolicyFixture.filesystem, function: "read-file", request: .path("./s/7", .read))
                .isAllowed)
    }

    @Test("one read list of 20,000 scopes (and a write list) loads into 20,000 rules")
    func manyScopes() throws {
        let count = 20_000
        let read = (0..<count).map { "\"./s/\($0)\"" }.joined(separator: ",\n")
        let write = stride(from: 0, to: count, by: 500).map { "'./s/\($0)'" }.joined(separator: ", ")
        let text =
            "component = \"trusted\"\n\n[[grant]]\ninterface = \"filesystem\"\nread = [\n\(read)\n]\nwrite = [\(write)]\n"
        let policy = try Manifest.parse(text, file: "m.toml").policy(
            component: "trusted", catalog: Self.catalog, root: "/work/session")
        try Self.expectScopes(policy, count: count, readWriteEvery: 500)
        // The list is one line per path: a bad one deep inside is named by its own line.
        let bad = text.replacingOccurrences(of: "\"./s/12345\"", with: "\"\"")
        #expect(Self.error(bad) == "m.toml:12351: invalid path '' in 'read': it is empty")
    }

    /// `count` grants of filesystem read `./s/N`, sorted as the canonical order sorts them, every
    /// `readWriteEvery`-th read+write, and the policy deciding by them.
    static func expectScopes(_ policy: Policy, count: Int, readWriteEvery: Int) throws {
        #expect(policy.grants.count == count)
        let paths = policy.grants.compactMap { $0.scope?.path }
        #expect(paths == (0..<count).map { "./s/\($0)" }.sorted())
        let readWrite = policy.grants.filter { $0.scope?.access == .readWrite }.compactMap { $0.scope?.path }
        #expect(readWrite.sorted() == stride(from: 0, to: count, by: readWriteEvery).map { "./s/\($0)" }.sorted())
        #expect(policy.grants.allSatisfy { $0.interface == PolicyFixture.filesystem && $0.function == nil })
        let decide = { (path: String, access: PathAccess) in
            policy.decide(interface: PolicyFixture.filesystem, function: "read-file", request: .path(path, access))
                .isAllowed
        }
        #expect(decide("./s/19999", .read))
        #expect(decide("./s/0", .write))
        #expect(!decide("./s/1", .write))
        #expect(!decide("./s/20000", .read))
    }
}
