import Foundation
import Testing

@testable import WasmComponent

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixtureBytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("components/\(name).wasm")))
}

let fixtureNames = [
    "malicious", "trusted", "values", "resources", "compute", "busy", "strings-utf16", "strings-latin1",
]

@Suite("Component parser")
struct ComponentParserTests {
    @Test("every committed component prints the same WIT as wasm-tools", arguments: fixtureNames)
    func witMatchesWasmTools(name: String) throws {
        let world = try ComponentInspector.world(of: try ComponentParser.parse(try fixtureBytes(name)))
        let expected = try String(
            contentsOf: repositoryRoot.appendingPathComponent("components/expected/\(name).wit"), encoding: .utf8)
        #expect(WITPrinter.print(world) == expected)
    }

    @Test("a file that is not WebAssembly is refused at offset 0")
    func notWasm() {
        #expect(throws: ComponentError("not a WebAssembly file: the magic number \\0asm is missing", offset: 0)) {
            try ComponentParser.parse(Array("root:x:0:0:root:/root:/bin/bash\n".utf8))
        }
    }

    @Test("an empty file is refused as too short")
    func emptyFile() {
        #expect(throws: ComponentError("not a WebAssembly file: 0 bytes, too short for the header", offset: 0)) {
            try ComponentParser.parse([])
        }
    }

    @Test("a core module is recognised and the user is told how to wrap it")
    func coreModule() {
        let module: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
        #expect(
            throws: ComponentError(
                "this is a core WebAssembly module (version 1), not a component; wrap it with `wasm-tools component new`",
                offset: 0, section: "preamble")
        ) { try ComponentParser.parse(module) }
    }

    @Test("a truncated component names the section that runs past the end")
    func truncated() throws {
        let bytes = Array(try fixtureBytes("trusted").prefix(30))
        #expect(
            throws: ComponentError(
                "type section declares 34 bytes but only 20 remain", offset: 8)
        ) { try ComponentParser.parse(bytes) }
    }

    @Test("every prefix of a real component parses or fails cleanly, and mid-section cuts fail")
    func everyPrefix() throws {
        let bytes = try fixtureBytes("trusted")
        // Only cuts exactly between two top-level sections can be valid components.
        var boundaries: Set<Int> = [8]
        var position = 8
        while position < bytes.count {
            position += 1
            var size = 0
            var shift = 0
            while true {
                let byte = bytes[position]
                position += 1
                size |= Int(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            position += size
            boundaries.insert(position)
        }
        for length in 0..<bytes.count {
            let parsed = (try? ComponentParser.parse(Array(bytes.prefix(length)))) != nil
            #expect(parsed == boundaries.contains(length), "prefix of \(length) bytes")
        }
    }

    @Test("an async function type is refused as unsupported")
    func asyncFunction() {
        // (component (type (func async)))
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, 0x05, 0x01, 0x43, 0x00, 0x01, 0x00]
        #expect(
            throws: ComponentError("async functions are not supported", offset: 11, section: "type section")
        ) { try ComponentParser.parse(bytes) }
    }

    @Test("type indices of 64 and more are read as indices, not type codes")
    func largeTypeIndex() throws {
        // 65 u32 types, then a list of type 64: the index is the s33 LEB `c0 00`.
        let section: [UInt8] = [66] + [UInt8](repeating: 0x79, count: 65) + [0x70, 0xc0, 0x00]
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x07, UInt8(section.count)] + section
        let binary = try ComponentParser.parse(bytes)
        guard case .type(.value(.list(.index(64)))) = binary.definitions.last else {
            Issue.record("expected list<type 64>, got \(String(describing: binary.definitions.last))")
            return
        }
    }
}
