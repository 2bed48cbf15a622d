import Testing

@testable import Capabilities

@Suite("Grants suggested from watch mode")
struct GrantSuggestionTests {
    static let fs = PolicyFixture.filesystem

    static func read(_ path: String) -> ObservedCall {
        ObservedCall(interface: fs, function: "read-file", request: .path(path, .read), wouldAllow: false)
    }

    @Test("one grant per function, scoped to exactly the paths used")
    func minimal() {
        let grants = GrantSuggestion.minimalGrants(for: [Self.read("./a"), Self.read("./b"), Self.read("./a")])
        #expect(
            grants == [
                .init(
                    interface: Self.fs, function: "read-file", scopes: ["./a", "./b"], access: .read, needsNames: false)
            ])
    }

    @Test("calls the policy allows already are left out: nothing it has is suggested again")
    func beyondPolicy() throws {
        let policy = try PolicyFixture.policy(grants: ["filesystem ./a"])
        let calls = [Self.read("./a"), Self.read("./b")]
        #expect(
            GrantSuggestion.minimalGrants(for: calls, beyond: policy)
                == [.init(interface: Self.fs, function: "read-file", scopes: ["./b"], access: .read, needsNames: false)]
        )
        let everything = try PolicyFixture.policy(grants: ["filesystem"])
        #expect(GrantSuggestion.minimalGrants(for: calls, beyond: everything).isEmpty)
    }

    @Test("a guest that asked for its directories with none granted gets a question, never the whole filesystem")
    func directoriesAreNamedByTheUser() throws {
        let calls = [
            ObservedCall(
                interface: "wasi:filesystem/preopens@0.2.12", function: "get-directories", request: .listing,
                wouldAllow: false),
            ObservedCall(
                interface: "wasi:cli/stderr@0.2.12", function: "get-stderr", request: .none, wouldAllow: false),
        ]
        let grants = GrantSuggestion.minimalGrants(for: calls)
        #expect(grants.map(\.needsNames) == [true, false])
        #expect(grants.map(\.namesDirectories) == [true, false])
        var policy = try Policy(
            component: "fs",
            catalog: ImportCatalog(interfaces: [
                .init(name: "wasi:filesystem/preopens@0.2.12", functions: ["get-directories"]),
                .init(name: "wasi:cli/stderr@0.2.12", functions: ["get-stderr"]),
            ]), root: "/r")
        let changes = try GrantSuggestion.apply(grants, to: &policy)
        #expect(changes.count == 1)
        #expect(policy.grants.map(\.interface) == ["wasi:cli/stderr@0.2.12"])
    }
}
