import Testing
import WasmComponent
import WasmRuntime

@Suite("Resources across the component boundary")
struct ResourceTests {
    func call(_ component: LoadedComponent, _ text: String, _ variables: [String: (ComponentValue, ValueType)] = [:])
        throws -> (ComponentValue?, ValueType?)
    {
        let call = try CallExpression(text, in: component, variables: { variables[$0] })
        return (try component.call(call.export, call.arguments), call.export.type.result)
    }

    @Test("a handle dropped by the host cannot be used again, and the destructor ran once")
    func useAfterDrop() throws {
        let shop = try loadFixture("resources")
        let (cart, type) = try call(shop, #"[constructor]cart("ann")"#)
        guard case .handle(let handle) = cart, let type else {
            Issue.record("constructor did not return a handle")
            return
        }
        try shop.drop(handle)
        #expect(try call(shop, "dropped-count()").0 == .u32(1))
        #expect(throws: (any Error).self) { try call(shop, "[method]cart.count($c)", ["c": (cart!, type)]) }
        #expect(throws: (any Error).self) { try shop.drop(handle) }
        #expect(try call(shop, "dropped-count()").0 == .u32(1))
    }

    @Test("an owned handle moved into a call is gone from the host afterwards")
    func ownMovesIntoCall() throws {
        let shop = try loadFixture("resources")
        let (cart, type) = try call(shop, #"[constructor]cart("bo")"#)
        let variables = ["c": (cart!, type!)]
        #expect(try call(shop, "consume($c)", variables).0 == .u32(0))
        let error = #expect(throws: (any Error).self) { try call(shop, "describe($c)", variables) }
        #expect("\(error!)".contains("not a live handle"))
    }

    @Test("a use-after-drop error names the handle")
    func useAfterDropMessage() throws {
        let shop = try loadFixture("resources")
        let (cart, _) = try call(shop, #"[constructor]cart("cy")"#)
        guard case .handle(let handle) = cart else { return }
        try shop.drop(handle)
        let error = #expect(throws: ResourceError.self) { try shop.drop(handle) }
        #expect(error?.description == "own<cart>#1 is not a live handle (it was dropped or moved into a call)")
    }
}
