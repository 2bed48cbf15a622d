import Testing
import WasmComponent
import WasmKit

@testable import WasmRuntime

@Suite("Integer-only calls")
struct ScalarCallPlanTests {
    private func type(_ parameters: [WasmComponent.ValueType], _ result: WasmComponent.ValueType?)
        -> WasmComponent.FunctionType
    {
        WasmComponent.FunctionType(
            parameters: parameters.enumerated().map { .init(name: "p\($0.offset)", type: $0.element) }, result: result)
    }

    @Test("only 32- and 64-bit integers take the short path; floats, small integers and the rest do not")
    func eligibility() {
        #expect(ScalarCallPlan(type([.u32, .u32], .u32)) != nil)
        #expect(ScalarCallPlan(type([.s32, .u64, .s64], nil)) != nil)
        #expect(ScalarCallPlan(type([], .s64)) != nil)
        #expect(ScalarCallPlan(type([.f32], .u32)) == nil)
        #expect(ScalarCallPlan(type([.u32], .f64)) == nil)
        #expect(ScalarCallPlan(type([.u8], .u32)) == nil)
        #expect(ScalarCallPlan(type([.u32], .bool)) == nil)
        #expect(ScalarCallPlan(type([.string], nil)) == nil)
        #expect(ScalarCallPlan(type(Array(repeating: .u32, count: 17), nil)) == nil)
    }

    @Test("values keep their bits both ways; a value of another type goes the general way")
    func bits() throws {
        let plan = try #require(ScalarCallPlan(type([.u32, .s32, .u64, .s64], .s32)))
        let lowered = plan.lower([.u32(.max), .s32(-1), .u64(.max), .s64(.min)])
        #expect(lowered == [Value.i32(.max), .i32(.max), .i64(.max), .i64(1 << 63)])
        #expect(plan.lower([.u32(1), .u32(2), .u64(3), .s64(4)]) == nil)
        #expect(plan.lower([.u32(1)]) == nil)
        #expect(plan.lift([Value.i32(UInt32.max)]) == .some(.s32(-1)))
        #expect(plan.lift([Value.i64(1)]) == nil)
        #expect(plan.lift([]) == nil)
        let none = try #require(ScalarCallPlan(type([], nil)))
        #expect(none.lift([]) == .some(nil))
        #expect(none.lift([Value.i32(0)]) == nil)
    }

    @Test("extreme integers go through a component and back unchanged")
    func throughTheComponent() throws {
        let values = try LoadedComponent(
            bytes: try fixtureBytes("values"), name: "values", providedInterfaces: ["test:values/host"],
            hostCall: { _, arguments in arguments.first })
        let cases: [(String, ComponentValue)] = [
            ("echo.echo-s32", .s32(.min)), ("echo.echo-s32", .s32(-1)), ("echo.echo-u32", .u32(.max)),
            ("echo.echo-u64", .u64(.max)), ("echo.echo-s64", .s64(.min)), ("echo.echo-s64", .s64(-2)),
        ]
        for (name, value) in cases {
            #expect(try values.call(values.resolve(name), [value]) == value)
        }
        #expect(try values.call(values.resolve("add"), [.u32(.max), .u32(2)]) == .u32(1))
        #expect(throws: (any Error).self) { try values.call(values.resolve("add"), [.u32(1)]) }
        #expect(throws: (any Error).self) { try values.call(values.resolve("add"), [.u32(1), .s32(2)]) }
    }
}
