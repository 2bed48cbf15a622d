import Foundation
import Testing

@testable import WasmComponent

/// Every component the repository holds parses and inspects: real toolchains' output passes the
/// name validation (and every other check) of the parser.
@Suite("Committed components")
struct CommittedComponentTests {
    static func wasmFiles(in folder: String) -> [String] {
        let url = repositoryRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".wasm") }.sorted().map { "\(folder)/\($0)" }
    }

    static let files =
        wasmFiles(in: "components") + wasmFiles(in: "components/wasi")
        + wasmFiles(in: "components/large")

    @Test("the fixtures were found")
    func found() {
        #expect(Self.files.count >= 20)
    }

    @Test("parses and inspects", arguments: files)
    func parses(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
        _ = try ComponentInspector.world(of: try ComponentParser.parse(bytes))
    }

    @Test(
        "the componentize-py components (xz-compressed) parse and inspect",
        arguments: ["python-probe", "python-malicious"])
    func componentizePy(name: String) throws {
        let xz = Process()
        xz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        xz.arguments = ["xz", "-dc", repositoryRoot.appendingPathComponent("components/wasi/\(name).wasm.xz").path]
        let output = Pipe()
        xz.standardOutput = output
        try xz.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        xz.waitUntilExit()
        try #require(xz.terminationStatus == 0, "xz -dc failed")
        let world = try ComponentInspector.world(of: try ComponentParser.parse([UInt8](data)))
        #expect(!world.imports.isEmpty)
    }
}
