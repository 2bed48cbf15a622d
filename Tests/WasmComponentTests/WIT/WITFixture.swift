import Foundation

/// The expected outputs under Fixtures/: `wasm-tools component wit` of a component built from
/// each fixture's `wit/` folder (see Fixtures/regenerate.sh).
enum WITFixture {
    static func expectedText(_ name: String, file: String = #filePath) throws -> String {
        let url = URL(fileURLWithPath: file)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
            .appendingPathComponent("expected.wit")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
