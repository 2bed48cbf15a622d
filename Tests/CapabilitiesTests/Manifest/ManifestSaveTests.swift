import Foundation
import Testing

@testable import Capabilities

@Suite("Saving over a manifest keeps what it can")
struct ManifestSaveTests {
    static let catalog = PolicyFixture.catalog
    static let root = PolicyFixture.root
    static let commented = """
        # What "app" may do: written by hand.
        component = "app"

        [[grant]]
        interface = "filesystem"    # the sandbox's files
        read = ["./data"]

        """

    let folder: URL
    var path: String { folder.appendingPathComponent("app.toml").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wasmsh-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    private func read() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func policy(grants: [String]) throws -> Policy { try PolicyFixture.policy(grants: grants) }

    @Test("rules added to a manifest's policy go at its end; its comments and layout stay")
    func extends() throws {
        defer { cleanUp() }
        try Self.commented.write(toFile: path, atomically: true, encoding: .utf8)
        let policy = try policy(grants: ["filesystem ./data", "clock"])
        #expect(try Manifest.save(policy, to: path) == .extended(addedRules: 1))
        let text = try read()
        #expect(text.hasPrefix(Self.commented))
        #expect(text.hasSuffix("\n[[grant]]\ninterface = \"sandbox:skill/clock@0.1.0\"\n"))
        let loaded = try Manifest.load(contentsOf: path).policy(
            component: "app", catalog: Self.catalog, root: Self.root)
        #expect(loaded == policy)

        // Saying it again changes nothing.
        #expect(try Manifest.save(policy, to: path) == .extended(addedRules: 0))
        #expect(try read() == text)
    }

    @Test("a policy that lost a rule, another binary or another component is written afresh")
    func rewrites() throws {
        defer { cleanUp() }
        try Self.commented.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Manifest.save(try policy(grants: ["clock"]), to: path) == .written)
        #expect(!(try read()).contains("written by hand"))

        try Self.commented.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Manifest.save(try policy(grants: ["filesystem ./data"]), to: path, sha256: "ab") == .written)
    }

    @Test("an ending that new tables cannot follow is written afresh, never left unreadable")
    func inlineArray() throws {
        defer { cleanUp() }
        try "component = \"app\"\ngrant = [{ interface = \"filesystem\", read = [\"./data\"] }]\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let policy = try policy(grants: ["filesystem ./data", "clock"])
        #expect(try Manifest.save(policy, to: path) == .written)
        let loaded = try Manifest.load(contentsOf: path).policy(
            component: "app", catalog: Self.catalog, root: Self.root)
        #expect(loaded == policy)
    }
}
