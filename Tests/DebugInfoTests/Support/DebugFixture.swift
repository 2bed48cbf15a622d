import DebugInfo
import Foundation
import WasmComponent

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The debug fixtures built by components/build.sh, with the oracle files
/// components/debug/oracles.py wrote for them.
enum DebugFixture: String, CaseIterable, Sendable, CustomStringConvertible {
    /// -O0 -g: DWARF 4.
    case debug
    /// -O1 -g: DWARF 4 with .debug_loc, .debug_ranges and inlined calls.
    case optimized = "debug-optimized"
    /// -O1 -gdwarf-5: .debug_loclists, .debug_rnglists, .debug_addr, .debug_str_offsets, .debug_line_str.
    case dwarf5 = "debug-dwarf5"

    var description: String { rawValue }

    /// The component's core module that carries the DWARF, as embedded (a slice of the
    /// component's bytes, not starting at index 0, as the shell will pass it).
    func module() throws -> ArraySlice<UInt8> {
        let url = repositoryRoot.appendingPathComponent("components/\(rawValue).wasm")
        let component = try ComponentParser.parse([UInt8](try Data(contentsOf: url)))
        for definition in component.definitions {
            if case .coreModule(let range) = definition, DWARFDebugInfo.hasDebugInfo(module: component.bytes[range]) {
                return component.bytes[range]
            }
        }
        throw FixtureError("\(rawValue).wasm has no core module with DWARF")
    }

    func info() throws -> DWARFDebugInfo {
        try DWARFDebugInfo(module: try module())
    }

    /// components/expected/debug/NAME.KIND.txt
    func oracle(_ kind: String) throws -> String {
        let url = repositoryRoot.appendingPathComponent("components/expected/debug/\(rawValue).\(kind).txt")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
