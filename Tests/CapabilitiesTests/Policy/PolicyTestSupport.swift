@testable import Capabilities

/// The component every policy test is about: a few imports chosen to exercise short names,
/// versions, ambiguity and inline interfaces.
enum PolicyFixture {
    static let filesystem = "sandbox:skill/filesystem"
    static let clock = "sandbox:skill/clock@0.1.0"
    static let catalog = ImportCatalog(interfaces: [
        .init(name: filesystem, functions: ["read-file", "write-file", "list-dir"]),
        .init(name: clock, functions: ["now"]),
        .init(name: "wasi:io/streams@0.2.0", functions: ["read"]),
        .init(name: "acme:net/streams@1.0.0", functions: ["read"]),
        .init(name: "logger", functions: nil),
    ])
    static let root = "/work/session"

    static func policy(grants: [String] = [], denies: [String] = []) throws -> Policy {
        var policy = try Policy(component: "app", catalog: catalog, root: root)
        for line in grants {
            let (capability, scopes, access) = parse(line)
            try policy.grant(capability, scopes: scopes, access: access)
        }
        for line in denies {
            let (capability, scopes, access) = parse(line)
            try policy.deny(capability, scopes: scopes, access: access)
        }
        return policy
    }

    /// `filesystem ./a --write` → ("filesystem", ["./a"], .write); `--rw` means read+write.
    static func parse(_ line: String) -> (String, [String], PathAccess) {
        let words = line.split(separator: " ").map(String.init)
        var access = PathAccess.read
        var scopes: [String] = []
        for word in words.dropFirst() {
            switch word {
            case "--write": access = .write
            case "--rw": access = .readWrite
            default: scopes.append(word)
            }
        }
        return (words.first ?? "", scopes, access)
    }

    /// A decision in words, so table rows read as sentences: `allow filesystem read ./a` or
    /// `deny <guest message>`.
    static func render(_ decision: Decision, in policy: Policy) -> String {
        switch decision {
        case .allow(let rule): return "allow " + policy.describe(rule)
        case .deny(let reason): return "deny " + policy.denialMessage(reason)
        }
    }
}
