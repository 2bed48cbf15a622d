import Foundation
import Testing

@testable import WasmComponent

/// The parser agrees with wasm-tools 1.262.0 on which names are valid and which are not
/// (components/expected/name-grammar-wasm-tools.tsv, made by
/// components/hostile/names/name_grammar_oracle.py).
@Suite("Component names: wasm-tools as oracle")
struct NameGrammarOracleTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let place: String
        let names: [String]
        let defaultFeatures: String
        let allFeatures: String
        var testDescription: String { "\(place) \(names.map { ControlCharacterEscaper.quoted($0) })" }
        /// 🪺 nested names: `--features all` (cm-nested-names) accepts them, the default does not.
        var isNested: Bool {
            names.contains { name in
                let parts = name.split(separator: ":", omittingEmptySubsequences: false)
                let projections = name.split(separator: "/", omittingEmptySubsequences: false)
                return !parts.contains(where: \.isEmpty) && !projections.contains(where: \.isEmpty)
                    && (parts.count > 2 || projections.count > 2)
            }
        }
    }

    static let rows: [Row] = {
        let url = repositoryRoot.appendingPathComponent("components/expected/name-grammar-wasm-tools.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4,
                let names = try? JSONDecoder().decode([String].self, from: Data(columns[1].utf8))
            else { return nil }
            return Row(place: columns[0], names: names, defaultFeatures: columns[2], allFeatures: columns[3])
        }
    }()

    /// The oracle's component: the names as exports of an instance type after a resource
    /// export `res`, or as the fields of a record.
    static func component(_ row: Row) -> [UInt8] {
        typealias B = ComponentBytes
        guard row.place == "extern" else { return NamedPlace.recordField.component(names: row.names) }
        // type 0: the resource; type 1: func(); each name exports a function of type 1.
        let declarations =
            [[0x04] + B.externName("res") + [0x03, 0x01], [0x01] + B.functionType]
            + row.names.map { [0x04] + B.externName($0) + [0x01, 0x01] }
        return B.component(B.section(7, [[0x42] + B.vector(declarations)]))
    }

    @Test("the table was read")
    func tableRead() {
        #expect(Self.rows.count >= 100)
    }

    @Test("valid where wasm-tools (--features all) accepts the names, refused where it does not", arguments: rows)
    func agrees(row: Row) {
        let error = ComponentParserNameTests.parseError(Self.component(row))
        #expect(
            (error == nil) == (row.allFeatures == "ok"),
            "\(error?.description ?? "parsed"); wasm-tools: \(row.allFeatures)")
        if let error { #expect(!TerminalSafety.hasRawControlCharacter(error.description)) }
    }

    @Test("wasm-tools' default features differ only on nested names (which wasmsh accepts)", arguments: rows)
    func defaultFeatures(row: Row) {
        #expect((row.defaultFeatures == row.allFeatures) != row.isNested)
    }
}
