import Testing

@testable import Capabilities

@Suite("Interfaces imported for their types alone")
struct TypesOnlyImportTests {
    static let catalog = ImportCatalog(interfaces: [
        .init(name: "test:values/types", functions: []),
        .init(name: "test:values/host", functions: ["echo-u8"]),
    ])

    @Test("are no capability: granting or denying one is refused, saying why")
    func refused() throws {
        var policy = try Policy(component: "values", catalog: Self.catalog, root: "/r")
        let message =
            "'types' (test:values/types) holds only types, no functions: component 'values' calls nothing of it, "
            + "so there is nothing to grant or deny"
        #expect(throws: PolicyError.typesOnly(component: "values", text: "types", interface: "test:values/types")) {
            try policy.grant("types")
        }
        do {
            try policy.deny("types")
        } catch {
            #expect(error.description == message)
        }
        #expect(policy.grants.isEmpty && policy.denies.isEmpty)
        #expect(Self.catalog.interfaces.map(\.isTypesOnly) == [true, false])
        try policy.grant("host")
        #expect(policy.grants.count == 1)
    }
}
