import Testing

@testable import WasmComponent

/// The printer against `wasm-tools component wit` output for real components (Fixtures/*).
@Suite("WIT printer matches wasm-tools")
struct WITPrinterFixtureTests {
    private func check(_ fixture: String, _ world: ComponentWorld) throws {
        let expected = try WITFixture.expectedText(fixture)
        let printed = WITPrinter.print(world)
        #expect(printed == expected, "fixture \(fixture)")
    }

    @Test("an imported and an exported package interface print as paths plus a package block")
    func skill() throws { try check("skill", WITFixtureWorlds.skill()) }

    @Test("a world with nothing in it prints an empty world block")
    func emptyWorld() throws { try check("empty-world", WITFixtureWorlds.emptyWorld()) }

    @Test("a world with only an exported function has no blank line before it")
    func onlyExportedFunction() throws { try check("only-exported-function", WITFixtureWorlds.onlyExportedFunction()) }

    @Test("a world with only an imported function prints just that import")
    func onlyImportedFunction() throws { try check("only-imported-function", WITFixtureWorlds.onlyImportedFunction()) }

    @Test("a world-level use follows the imported interfaces without a blank line")
    func worldUse() throws { try check("world-use", WITFixtureWorlds.worldUse()) }

    @Test("every WIT keyword gets a % prefix and nothing else does")
    func keywordFields() throws { try check("keyword-fields", WITFixtureWorlds.keywordFields()) }

    @Test("records, variants, enums, aliases, resources, renamed uses, inline interfaces and versions")
    func shapes() throws { try check("shapes", WITFixtureWorlds.shapes()) }

    @Test("escaped names, handle aliases, a renamed resource, world resources and package dependency order")
    func keywordsAndDeps() throws { try check("keywords-and-deps", WITFixtureWorlds.keywordsAndDeps()) }

    @Test("exported interfaces, an inline export with a use and a prerelease version")
    func exportedInterfaces() throws { try check("exported-interfaces", WITFixtureWorlds.exportedInterfaces()) }

    @Test("use statements group only consecutive names from one interface; world types and flags")
    func useGroups() throws { try check("use-groups", WITFixtureWorlds.useGroups()) }

    @Test("resource aliases and a renamed resource print by their local names")
    func resourceAliases() throws { try check("resource-aliases", WITFixtureWorlds.resourceAliases()) }
}
