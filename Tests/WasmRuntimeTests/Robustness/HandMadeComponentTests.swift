import Foundation
import Testing
import WasmComponent
import WasmRuntime

/// Components built to exhaust the loader: each must be refused with an error that says why,
/// quickly, instead of overflowing the stack or running for hours.
@Suite("Hand-made hostile components")
struct HandMadeComponentTests {
    static func loadError(_ bytes: [UInt8]) -> String? {
        do {
            let binary = try ComponentParser.parse(bytes)
            _ = WITPrinter.print(try ComponentInspector.world(of: binary))
            _ = try LoadedComponent(
                binary: binary, name: "hand-made", host: ClosureHostCallHandler(providing: []) { _, _ in nil })
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a value type nested 20,000 deep is refused, not a stack overflow")
    func deepTypes() {
        let error = Self.loadError(HandMadeComponents.deepListTypes(depth: 20_000))
        #expect(error?.contains("nested more than 100 deep") == true, "\(error ?? "loaded")")
    }

    @Test("types nested up to the limit still load")
    func typesAtTheLimit() throws {
        let binary = try ComponentParser.parse(HandMadeComponents.deepListTypes(depth: 99))
        let world = try ComponentInspector.world(of: binary)
        #expect(WITPrinter.print(world).contains("list<list<"))
    }

    @Test("a type of 2^40 leaves in a few hundred bytes is refused as too large")
    func exponentialTypes() {
        let error = Self.loadError(HandMadeComponents.exponentialTupleTypes(levels: 40))
        #expect(error?.contains("too large") == true, "\(error ?? "loaded")")
    }

    @Test("a type exported under 20,000 names in a row is refused, not a stack overflow")
    func aliasChain() {
        let error = Self.loadError(HandMadeComponents.aliasChain(length: 20_000))
        #expect(error?.contains("nested more than 100 deep") == true, "\(error ?? "loaded")")
    }

    @Test("2,000 imports of a function whose type has 65,536 leaves are refused, not printed")
    func manyUsesOfALargeType() {
        let clock = ContinuousClock()
        let started = clock.now
        let error = Self.loadError(HandMadeComponents.manyUsesOfALargeType(levels: 15, imports: 2_000))
        #expect(error?.contains("types used by the component add up to more than") == true, "\(error ?? "loaded")")
        #expect(clock.now - started < .seconds(5))
    }

    @Test("a component that instantiates itself is refused, not endless recursion")
    func selfInstantiation() {
        let error = Self.loadError(HandMadeComponents.selfInstantiating())
        #expect(error?.contains("component instances nested more than") == true, "\(error ?? "loaded")")
    }

    @Test("2^40 nested instantiations are refused after a bounded number")
    func exponentialInstantiation() {
        let clock = ContinuousClock()
        let started = clock.now
        let error = Self.loadError(HandMadeComponents.exponentialInstantiation(levels: 40))
        #expect(error?.contains("more than 1000 component instances") == true, "\(error ?? "loaded")")
        #expect(clock.now - started < .seconds(5))
    }

    @Test("the empty component loads with nothing to call")
    func emptyComponent() throws {
        let component = try LoadedComponent(
            bytes: ComponentBytes.component([]), name: "empty", providedInterfaces: [], hostCall: { _, _ in nil })
        #expect(component.exports.isEmpty)
    }
}
