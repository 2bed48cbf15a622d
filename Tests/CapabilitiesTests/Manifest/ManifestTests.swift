import Testing

@testable import Capabilities

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Manifests")
struct ManifestTests {
    static let filesystem = "sandbox:skill/filesystem"
    static let catalog = PolicyFixture.catalog
    static let root = "/work/session"

    static let trusted = """
        # manifests/trusted.toml
        component = "trusted"

        [[grant]]
        interface = "filesystem"
        read = ["./demo.txt"]
        """

    static let malicious = """
        # manifests/malicious.toml: no grants at all.
        component = "malicious"
        """

    func policy(_ text: String, component: String = "trusted", file: String = "manifests/test.toml") throws -> Policy {
        try Manifest.parse(text, file: file).policy(component: component, catalog: Self.catalog, root: Self.root)
    }

    @Test("the trusted manifest grants filesystem read of ./demo.txt and nothing else")
    func trustedManifest() throws {
        let policy = try policy(Self.trusted)
        #expect(policy.grants.map(policy.describe) == ["filesystem read ./demo.txt"])
        #expect(
            policy.decide(interface: Self.filesystem, function: "read-file", request: .path("./demo.txt", .read))
                .isAllowed)
        let outside = policy.decide(
            interface: Self.filesystem, function: "read-file", request: .path("/etc/passwd", .read))
        guard case .deny(let reason) = outside else {
            Issue.record("/etc/passwd must be denied")
            return
        }
        #expect(
            policy.denialMessage(reason) == "Permission denied: '/etc/passwd' is outside the granted scope (./demo.txt)"
        )
    }

    @Test("the malicious manifest grants nothing: the seed's message")
    func maliciousManifest() throws {
        let policy = try policy(Self.malicious, component: "malicious")
        #expect(policy.grants.isEmpty && policy.denies.isEmpty)
        expectDeniedWithoutCapability(policy)
    }

    @Test("policy → save → load gives the same policy")
    func roundTrip() throws {
        var policy = try Policy(component: "everything", catalog: Self.catalog, root: Self.root)
        try policy.grant("filesystem")
        try policy.grant("filesystem", scopes: ["./data", "/etc/hostname", "../shared"])
        try policy.grant("filesystem", scopes: ["./out", "./data"], access: .write)
        try policy.grant(
            "filesystem.read-file",
            scopes: ["./quote\"d", "./back\\slash", "./new\nline", "./caf\u{E9}", "./tab\there"])
        try policy.grant("clock.now")
        try policy.grant("logger")
        try policy.deny("filesystem.write-file")
        try policy.deny("filesystem", scopes: ["./data/secret"], access: .readWrite)
        try policy.deny("acme:net/streams")

        let text = Manifest(policy: policy, file: "x.toml").tomlText
        let loaded = try Manifest.parse(text, file: "x.toml").policy(
            component: "everything", catalog: Self.catalog, root: Self.root)
        #expect(loaded == policy)
        #expect(Manifest(policy: loaded, file: "x.toml").tomlText == text)
    }

    @Test("WASI scopes round-trip: variables, socket addresses and preopens keep their scope and their order")
    func wasiRoundTrip() throws {
        let catalog = ImportCatalog(interfaces: [
            .init(name: "wasi:cli/environment@0.2.12", functions: ["get-environment"]),
            .init(name: "wasi:sockets/tcp@0.2.12", functions: ["[method]tcp-socket.start-connect"]),
            .init(name: "wasi:filesystem/types@0.2.12", functions: ["[method]descriptor.open-at"]),
            .init(name: "wasi:filesystem/preopens@0.2.12", functions: ["get-directories"]),
        ])
        var policy = try Policy(component: "app", catalog: catalog, root: Self.root)
        try policy.grant("environment", scopes: ["LANG=C", "HOME", "GREETING=hi there"])
        try policy.grant("wasi:sockets", scopes: ["tcp:connect", "127.0.0.1:8080", "[::1]:*"])
        try policy.grant("wasi:filesystem", scopes: ["./data::/data"], access: .readWrite)
        try policy.grant("wasi:filesystem", scopes: ["/etc::/config"])
        let text = Manifest(policy: policy, file: "app.toml").tomlText
        #expect(text.contains(#"variables = ["LANG=C", "HOME", "GREETING=hi there"]"#))
        #expect(text.contains(#"sockets = ["tcp:connect 127.0.0.1:8080", "tcp:connect [::1]:*"]"#))
        #expect(text.contains(#"read = ["./data::/data", "/etc::/config"]"#))
        // Never widened: no table of these interfaces without its scopes.
        #expect(!text.contains("interface = \"wasi:cli/environment@0.2.12\"\n\n"))
        let loaded = try Manifest.parse(text, file: "app.toml").policy(
            component: "app", catalog: catalog, root: Self.root)
        #expect(loaded == policy)
        #expect(Manifest(policy: loaded, file: "app.toml").tomlText == text)
        #expect(
            !loaded.decide(
                interface: "wasi:cli/environment@0.2.12", function: "get-environment", request: .variable("PATH")
            ).isAllowed)
    }

    @Test("variables and sockets must be lists of strings, not empty")
    func wasiKeyErrors() {
        #expect(throws: ManifestError.self) {
            try Manifest.parse("[[grant]]\ninterface = \"environment\"\nvariables = []\n", file: "m.toml")
        }
        #expect(throws: ManifestError.self) {
            try Manifest.parse("[[grant]]\ninterface = \"wasi:sockets\"\nsockets = [1]\n", file: "m.toml")
        }
    }

    @Test("an empty policy saves as a manifest with no grants that loads back empty")
    func emptyRoundTrip() throws {
        let policy = try Policy(component: "malicious", catalog: Self.catalog, root: Self.root)
        let text = Manifest(policy: policy, file: "m.toml").tomlText
        #expect(
            text == """
                # Capabilities of component 'malicious' for wasmsh; format: README.md, Capabilities and manifests
                component = "malicious"
                # No grants: the component may call nothing the host provides.

                """)
        #expect(
            try Manifest.parse(text, file: "m.toml").policy(
                component: "malicious", catalog: Self.catalog, root: Self.root) == policy)
    }

    @Test("saved text is the documented format")
    func savedText() throws {
        var policy = try Policy(component: "trusted", catalog: Self.catalog, root: Self.root)
        try policy.grant("filesystem", scopes: ["./demo.txt"])
        try policy.grant("filesystem", scopes: ["./out"], access: .readWrite)
        try policy.deny("filesystem.write-file")
        #expect(
            Manifest(policy: policy, file: "t.toml").tomlText == """
                # Capabilities of component 'trusted' for wasmsh; format: README.md, Capabilities and manifests
                component = "trusted"

                [[grant]]
                interface = "sandbox:skill/filesystem"
                read = ["./demo.txt", "./out"]
                write = ["./out"]

                [[deny]]
                interface = "sandbox:skill/filesystem"
                function = "write-file"

                """)
    }

    @Test("save writes a file that load reads back")
    func saveAndLoadFile() throws {
        var template = Array("/tmp/wasmsh-manifest-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            Issue.record("mkdtemp failed")
            return
        }
        let directory = String(cString: made)
        let path = directory + "/trusted.toml"
        defer {
            unlink(path)
            rmdir(directory)
        }
        var policy = try Policy(component: "trusted", catalog: Self.catalog, root: Self.root)
        try policy.grant("filesystem", scopes: ["./demo.txt"])
        try Manifest.save(policy, to: path)
        let loaded = try Manifest.load(contentsOf: path).policy(
            component: "trusted", catalog: Self.catalog, root: Self.root, expectedComponent: "trusted")
        #expect(loaded == policy)
        #expect(
            throws: ManifestError(
                file: directory + "/missing.toml", line: nil,
                message: "cannot read the manifest: No such file or directory")
        ) {
            try Manifest.load(contentsOf: directory + "/missing.toml")
        }
    }

    /// Manifest text → the exact error, file and line included.
    static let errors: [(String, String)] = [
        (
            "component = \"t\"\ncompnent = 1\n",
            "manifests/test.toml:2: unknown key 'compnent' (expected component, sha256, grant, deny)"
        ),
        (
            "component = 5\n",
            "manifests/test.toml:1: 'component' must be a string, not an integer"
        ),
        (
            "component = \"t\"\n\n[[grant]]\ninterface = \"filesystem\"\nreed = [\"./a\"]\n",
            "manifests/test.toml:5: unknown key 'reed' in [[grant]] (expected interface, function, read, write, variables, sockets)"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\n\n[[grant]]\nread = [\"./a\"]\n",
            "manifests/test.toml:4: [[grant]] needs an 'interface' key"
        ),
        (
            "[[grant]]\ninterface = 42\n",
            "manifests/test.toml:2: 'interface' must be a string, not an integer"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nfunction = [\"read-file\"]\n",
            "manifests/test.toml:3: 'function' must be a string, not an array"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nread = \"./demo.txt\"\n",
            "manifests/test.toml:3: 'read' must be an array of path strings, not a string"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nread = [\"./a\", 7]\n",
            "manifests/test.toml:3: 'read' must hold path strings only, found an integer"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nread = []\n",
            "manifests/test.toml:3: 'read' is empty: list paths, or leave out 'read' and 'write' for an unscoped grant"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nread = [\n  \"./ok\",\n  \"\",\n]\n",
            "manifests/test.toml:5: invalid path '' in 'read': it is empty"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nwrite = [\"./a\\u0000b\"]\n",
            "manifests/test.toml:3: NUL characters (\\u0000) are not allowed in a manifest"
        ),
        (
            "[[grant]]\ninterface = \"network\"\n",
            "manifests/test.toml:2: component 'trusted' does not import 'network' (its imports: sandbox:skill/filesystem, sandbox:skill/clock@0.1.0, wasi:io/streams@0.2.0, acme:net/streams@1.0.0, logger)"
        ),
        (
            "[[grant]]\ninterface = \"streams\"\n",
            "manifests/test.toml:2: 'streams' is ambiguous for component 'trusted': it could be wasi:io/streams@0.2.0 or acme:net/streams@1.0.0; write the full name"
        ),
        (
            "[[deny]]\ninterface = \"filesystem\"\nfunction = \"read-flie\"\n",
            "manifests/test.toml:3: interface 'filesystem' of component 'trusted' has no function 'read-flie'; did you mean 'read-file'? (its functions: read-file, write-file, list-dir)"
        ),
        (
            "[[grant]]\ninterface = \"filesystem.read-file\"\nfunction = \"write-file\"\n",
            "manifests/test.toml:2: 'filesystem.read-file' already names a function; cannot also restrict it to 'write-file'"
        ),
        (
            "[grant]\ninterface = \"filesystem\"\n",
            "manifests/test.toml:1: 'grant' must be an array of tables ([[grant]]), not a table"
        ),
        (
            "grant = [\"filesystem\"]\n",
            "manifests/test.toml:1: each 'grant' must be a table, not a string"
        ),
        (
            "grant = [{ interface = \"filesystem\", scope = \"x\" }]\n",
            "manifests/test.toml:1: unknown key 'scope' in [[grant]] (expected interface, function, read, write, variables, sockets)"
        ),
        (
            "component = \"other\"\n",
            "manifests/test.toml:1: this manifest is for component 'other', not 'trusted'"
        ),
        (
            "[[grant]]\ninterface = \"filesystem\"\nread = [\"./a\"\n",
            "manifests/test.toml:3:15: TOML syntax error: Error while parsing array: encountered end-of-file"
        ),
        (
            "component = \n",
            "manifests/test.toml:1:13: TOML syntax error: Error while parsing key-value pair: expected value, saw '\\n'"
        ),
    ]

    @Test("mistakes are errors naming the file and the line", arguments: errors)
    func errorMessages(text: String, expected: String) {
        do {
            let manifest = try Manifest.parse(text, file: "manifests/test.toml")
            _ = try manifest.policy(
                component: "trusted", catalog: Self.catalog, root: Self.root, expectedComponent: "trusted")
            Issue.record("expected an error: \(expected)")
        } catch {
            #expect(error.description == expected)
        }
    }
}

@Suite("The repository's manifests")
struct RepositoryManifestTests {
    /// `manifests/` of the repository, found by walking up from this source file.
    static func manifestsDirectory() -> String? {
        var directory = String(#filePath)
        while let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            directory = String(directory[..<slash])
            if access(directory + "/manifests/trusted.toml", R_OK) == 0 { return directory + "/manifests" }
        }
        return nil
    }

    static let catalog = ImportCatalog(interfaceNames: ["sandbox:skill/filesystem"])

    @Test("manifests/trusted.toml grants read of ./demo.txt")
    func trusted() throws {
        let directory = try #require(Self.manifestsDirectory())
        let manifest = try Manifest.load(contentsOf: directory + "/trusted.toml")
        let policy = try manifest.policy(
            component: "trusted", catalog: Self.catalog, root: "/repo", expectedComponent: "trusted")
        #expect(policy.grants.map(policy.describe) == ["filesystem read ./demo.txt"])
        #expect(policy.denies.isEmpty)
    }

    @Test("manifests/malicious.toml grants nothing")
    func malicious() throws {
        let directory = try #require(Self.manifestsDirectory())
        let manifest = try Manifest.load(contentsOf: directory + "/malicious.toml")
        let policy = try manifest.policy(
            component: "malicious", catalog: Self.catalog, root: "/repo", expectedComponent: "malicious")
        #expect(policy.grants.isEmpty && policy.denies.isEmpty)
        expectDeniedWithoutCapability(policy)
    }
}

/// The seed's denial: reading /etc/passwd without the filesystem capability.
private func expectDeniedWithoutCapability(_ policy: Policy) {
    guard
        case .deny(let reason) = policy.decide(
            interface: "sandbox:skill/filesystem", function: "read-file", request: .path("/etc/passwd", .read))
    else {
        Issue.record("must be denied")
        return
    }
    #expect(
        policy.denialMessage(reason)
            == "Permission denied: component 'malicious' does not have filesystem capability")
}
