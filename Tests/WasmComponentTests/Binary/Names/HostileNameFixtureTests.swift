import Foundation
import Testing

@testable import WasmComponent

/// Issue 15's components with terminal control sequences in their names
/// (components/hostile/hostile-names-*.wasm): every one is refused at parse time with the name
/// escaped, except a core function's name, which is no component-model name.
@Suite("Hostile names")
struct HostileNameFixtureTests {
    static let escapedPayload = ComponentParserNameTests.escapedPayload
    static let disallowed = ComponentParserNameTests.disallowedEscape

    static let refused: [(fixture: String, error: ComponentError)] = [
        (
            "import-func",
            ComponentError(
                "import name \(escapedPayload) is not valid: it \(disallowed)", offset: 0x12, section: "import section")
        ),
        (
            "import-interface",
            ComponentError(
                "import name 'test:names/\(escapedPayload.dropFirst()) is not valid: the interface name \(escapedPayload) "
                    + disallowed, offset: 0x1e, section: "import section")
        ),
        (
            "export-func",
            ComponentError(
                "import name 'import-func-\(escapedPayload.dropFirst()) is not valid: it \(disallowed)", offset: 0x10f,
                section: "import section")
        ),
        (
            "export-interface",
            ComponentError(
                "export name 'test:names/\(escapedPayload.dropFirst()) is not valid: the interface name \(escapedPayload) "
                    + disallowed, offset: 0x152, section: "export section")
        ),
        (
            "enum",
            ComponentError(
                "enum case name \(escapedPayload) is not in kebab case: it \(disallowed)", offset: 0xaf,
                section: "type section")
        ),
        (
            "flags",
            ComponentError(
                "flag name \(escapedPayload) is not in kebab case: it \(disallowed)", offset: 0x7e,
                section: "type section")
        ),
        (
            "param",
            ComponentError(
                "function parameter name \(escapedPayload) is not in kebab case: it \(disallowed)", offset: 0x7a,
                section: "type section")
        ),
        (
            "type",
            ComponentError(
                "import name 'import-type-\(escapedPayload.dropFirst()) is not valid: it \(disallowed)", offset: 0xbf,
                section: "import section")
        ),
        (
            "field",
            ComponentError(
                "record field name \(escapedPayload) is not in kebab case: it \(disallowed)", offset: 0x77,
                section: "type section")
        ),
        (
            "variant",
            ComponentError(
                "variant case name \(escapedPayload) is not in kebab case: it \(disallowed)", offset: 0xa0,
                section: "type section")
        ),
        (
            "resource",
            ComponentError(
                "import name 'import-type-\(escapedPayload.dropFirst()) is not valid: it \(disallowed)", offset: 0x3d8,
                section: "import section")
        ),
    ]

    @Test("each hostile name is refused with the name escaped and its offset", arguments: refused)
    func refusedFixture(fixture: String, error: ComponentError) throws {
        let bytes = try fixtureBytes("hostile/hostile-names-\(fixture)")
        #expect(throws: error) { try ComponentParser.parse(bytes) }
        #expect(!TerminalSafety.hasRawControlCharacter(error.description))
    }

    @Test("every hostile-names fixture is covered")
    func allCovered() throws {
        let folder = repositoryRoot.appendingPathComponent("components/hostile")
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("hostile-names-") && $0.hasSuffix(".wasm") }
            .map { String($0.dropFirst("hostile-names-".count).dropLast(".wasm".count)) }
        #expect(Set(fixtures) == Set(Self.refused.map(\.fixture) + ["core-func"]))
    }

    @Test("a core function's name (the core name section) is not a component name: it still parses")
    func coreFunctionName() throws {
        let binary = try ComponentParser.parse(try fixtureBytes("hostile/hostile-names-core-func"))
        let world = try ComponentInspector.world(of: binary)
        #expect(world.exports.map(\.name) == ["crash"])
    }
}
