import Foundation
import Testing

@testable import Shell

/// Issue 15, finding 4: grants belong to one binary under one name. A manifest is chosen by the
/// name a component is loaded under, must name that component when it names one, and once
/// `save` pinned it to a binary, another binary under the same name gets none of its grants.
@Suite("Manifests belong to one binary under one name")
struct ManifestBindingTests {
    /// A session whose manifests live in a fresh folder, with copies of the repository's.
    private func session() throws -> (Session, BufferedOutput, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wasmsh-pins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        for name in ["trusted", "malicious"] {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("manifests/\(name).toml"),
                to: folder.appendingPathComponent("manifests/\(name).toml"))
        }
        var settings = SessionSettings()
        settings.componentsDirectory = repositoryRoot.appendingPathComponent("components").path
        settings.manifestsDirectory = folder.appendingPathComponent("manifests").path
        settings.root = repositoryRoot.path
        let output = BufferedOutput()
        return (try Session(settings: settings, output: output), output, folder)
    }

    /// A copy of `components/FROM.wasm` at FOLDER/bin/TO.wasm.
    private func copy(_ from: String, as to: String, in folder: URL) throws -> String {
        let directory = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("\(to).wasm")
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("components/\(from).wasm"), to: target)
        return target.path
    }

    private func grants(of name: String, in session: Session) throws -> [String] {
        let policy = try session.component(named: name).sandboxed.policy
        return policy.grants.map { policy.describe($0) }
    }

    @Test("the committed manifests are pinned to the committed binaries")
    func committedPins() throws {
        let (session, output, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        try session.execute("load trusted")
        try session.execute("load malicious")
        #expect(try session.component(named: "trusted").sandboxed.manifest?.pin == .matches)
        #expect(try session.component(named: "malicious").sandboxed.manifest?.pin == .matches)
        #expect(try grants(of: "trusted", in: session) == ["filesystem read ./demo.txt"])
        #expect(!output.standardOutput.contains("pinned"))
    }

    @Test("another binary named trusted.wasm gets none of trusted's grants, and the load says why")
    func impostorGetsNothing() throws {
        let (session, output, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        let impostor = try copy("malicious", as: "trusted", in: folder)
        try session.execute("load \(impostor)")
        #expect(try grants(of: "trusted", in: session).isEmpty)
        #expect(output.standardOutput.contains("is pinned to another binary: none of its grants apply"))
        #expect(
            output.standardOutput.contains(
                "(the manifest is for sha256 aa0e307875aa7838…, this binary is d9dec0fad690b23b…)"))
    }

    @Test("load X as ALIAS applies ALIAS's manifest, not the one named after the file")
    func aliasChoosesTheManifest() throws {
        let (session, output, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        let evil = try copy("trusted", as: "trusted", in: folder)
        try session.execute("load \(evil) as evil")
        #expect(try grants(of: "evil", in: session).isEmpty)
        #expect(output.standardOutput.contains("no manifest: nothing granted"))
    }

    @Test("save pins the manifest: the same binary under the name gets the grants back, another binary does not")
    func savePins() throws {
        let (session, output, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        try session.execute("load trusted as helper")
        try session.execute("grant helper filesystem /etc")
        try session.execute("save helper")
        let saved = try String(
            contentsOfFile: folder.appendingPathComponent("manifests/helper.toml").path, encoding: .utf8)
        #expect(saved.contains("component = \"helper\""))
        #expect(saved.contains("sha256 = \"aa0e307875aa783867b24c13470c01dbe2432fc85448531d454abcbd0b59ca23\""))
        try session.execute("unload helper")
        try session.execute("load trusted as helper")
        #expect(try grants(of: "helper", in: session) == ["filesystem read /etc"])
        try session.execute("unload helper")
        try session.execute("load \(try copy("malicious", as: "helper", in: folder))")
        #expect(try grants(of: "helper", in: session).isEmpty)
        #expect(output.standardOutput.contains("manifests/helper.toml is pinned to another binary"))
    }

    @Test("a manifest for another component name is refused, also under an alias")
    func componentLineChecked() throws {
        let (session, _, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("manifests/trusted.toml"),
            to: folder.appendingPathComponent("manifests/helper.toml"))
        #expect(throws: (any Error).self) { try session.execute("load trusted as helper") }
        do {
            try session.execute("load trusted as helper")
        } catch {
            #expect("\(error)".hasSuffix("this manifest is for component 'trusted', not 'helper'"))
        }
    }

    @Test("save does not write over a manifest it did not write, nor over anything but a regular file")
    func saveRefusesToOverwrite() throws {
        let (session, _, folder) = try session()
        defer { try? FileManager.default.removeItem(at: folder) }
        try session.execute("load trusted")
        #expect(throws: ShellError.self) { try session.execute("save trusted") }
        #expect(throws: ShellError("/dev/null is not a regular file; a manifest is written only to a regular file")) {
            try session.execute("save trusted /dev/null --force")
        }
        try session.execute("save trusted --force")
        try session.execute("save trusted")  // written by this session now
    }
}
