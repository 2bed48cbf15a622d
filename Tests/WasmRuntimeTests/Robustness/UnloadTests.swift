import Foundation
import Testing
import WasmComponent
import WasmRuntime

/// A component that is dropped must release everything it made: its WasmKit store holds its
/// memories (up to the memory limit each), so a leak per load adds up in a long session.
@Suite("Unloading components")
struct UnloadTests {
    @Test("a dropped component releases its resource types, store and nested scopes")
    func resourcesAreReleased() throws {
        weak var resource: ResourceType?
        do {
            let component = try loadFixture("resources")
            let constructor = try component.resolve("[constructor]cart")
            guard case .own(let cart) = constructor.type.result else {
                Issue.record("the constructor does not return an own<cart>")
                return
            }
            resource = cart
            let call = try CallExpression(#"[constructor]cart("ann")"#, in: component)
            guard case .handle(let handle) = try component.call(call.export, call.arguments) else {
                Issue.record("no handle")
                return
            }
            try component.drop(handle)
        }
        // The store's resource built-ins and the walker's scopes held the type; both are gone.
        #expect(resource == nil)
    }

    @Test("loading and dropping a component with imports 250 times does not grow memory")
    func repeatedLoads() throws {
        let bytes = try fixtureBytes("values")
        func residentMiB() -> Int {
            let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ") ?? []
            return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 >> 20 : 0
        }
        func load(_ times: Int) throws {
            for _ in 0..<times {
                _ = try LoadedComponent(bytes: bytes, name: "values", providedInterfaces: [], hostCall: { _, _ in nil })
            }
        }
        try load(20)  // warm up: caches, allocator arenas
        let before = residentMiB()
        try load(250)
        // Leaking each store cost about 0.5 MiB per load of values.wasm (130 MiB here); the
        // margin leaves room for what tests running alongside allocate meanwhile.
        let grown = residentMiB() - before
        #expect(grown < 64, "resident memory grew by \(grown) MiB")
    }
}
