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

    @Test("an interface imported only for what the user gave (get-arguments) needs no grant; get-stdout does")
    func importsGivingNothing() throws {
        let catalog = ImportCatalog(interfaces: [
            .init(name: "wasi:cli/environment@0.2.12", functions: ["get-arguments", "initial-cwd"]),
            .init(name: "wasi:cli/stdout@0.2.12", functions: ["get-stdout"]),
            .init(name: "wasi:cli/environment@0.2.3", functions: ["get-arguments", "get-environment"]),
        ])
        #expect(
            catalog.needsNoGrant("wasi:cli/environment@0.2.12")
                == "it calls only get-arguments, initial-cwd, which give nothing beyond what it was given")
        // get-stdout is free, but the stream it returns writes only under the stdout grant.
        #expect(catalog.needsNoGrant("wasi:cli/stdout@0.2.12") == nil)
        #expect(catalog.needsNoGrant("wasi:cli/environment@0.2.3") == nil)
        var policy = try Policy(component: "c", catalog: catalog, root: "/r")
        #expect(throws: PolicyError.self) { try policy.grant("wasi:cli/environment@0.2.12") }
        try policy.grant("stdout")
        #expect(policy.grants.count == 1)
    }
}
