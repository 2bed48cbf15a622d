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
}
