import Foundation
import Testing

@testable import Shell

/// DWARF is the component's: names in it reach the terminal only escaped.
@Suite("Hostile DWARF names")
struct HostileDebugInfoTests {
    /// debug.wasm with the DWARF name of `square` (in .debug_str) made `ESC [ 3 1 m s`, and of the
    /// variable `squared` made `sq`, U+009B (a C1 control), `red`: same lengths, nothing else moves.
    private func patchedComponent() throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("components/debug.wasm")))
        let debugStr = try #require(find(Array(".debug_str".utf8), in: bytes))
        let patches: [(String, [UInt8])] = [
            ("square\0", [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x73, 0x00]),
            ("squared\0", [0x73, 0x71, 0xC2, 0x9B, 0x72, 0x65, 0x64, 0x00]),
        ]
        for (name, replacement) in patches {
            let at = try #require(find(Array(name.utf8), in: bytes, from: debugStr), "\(name) in .debug_str")
            bytes.replaceSubrange(at..<at + replacement.count, with: replacement)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hostile-dwarf-\(UUID().uuidString).wasm")
        try Data(bytes).write(to: url)
        return url
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (start...(haystack.count - needle.count)).first {
            haystack[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    @Test("pauses, backtraces, locals and breakpoint messages escape control characters from DWARF")
    func escaped() throws {
        let component = try patchedComponent()
        defer { try? FileManager.default.removeItem(at: component) }
        let (session, output) = try makeInspectorSession(loading: [])
        let runner = ScriptRunner(session: session, echo: false, keepGoing: true)
        runner.run(lines: [
            "load \(component.path) as hostile --debug", "break debug.c:22", "break debug.c:31",
            "step hostile.sum-squares(1)", "continue", "bt", "continue", "locals", "print squared", "break",
            "continue",
        ])
        let text = output.standardOutput + output.standardError
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(!text.unicodeScalars.contains("\u{9B}"))
        #expect(text.contains("breakpoint set in hostile: debug.c:22 in \\u{1b}[31ms"))
        #expect(text.contains("paused at debug.c:22 in \\u{1b}[31ms, depth 2 (breakpoint)"))
        #expect(text.contains("#0 \\u{1b}[31ms (debug.c:22)"))
        #expect(text.contains("uint32_t sq\\u{9b}red = 1"))
        #expect(text.contains("Error: no variable 'squared' here"))
        // `break` at the pause lists them.
        #expect(text.contains("break debug.c:22 → debug.c:22 in \\u{1b}[31ms"))
    }
}
