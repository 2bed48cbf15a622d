import Testing
import WasmComponent
import WasmRuntime

@Suite("Guest traps")
struct TrapTests {
    @Test(
        "a trapping export fails the call with an error, not the process",
        arguments: ["trap-unreachable()", "divide(1, 0)", "divide(-2147483648, -1)", "out-of-bounds()"])
    func trapsAreErrors(expression: String) throws {
        let compute = try loadFixture("compute")
        let call = try CallExpression(expression, in: compute)
        #expect(throws: (any Error).self) { try compute.call(call.export, call.arguments) }
    }

    @Test("an import no host serves traps the guest with a message naming it")
    func missingImport() throws {
        let component = try LoadedComponent(
            bytes: try fixtureBytes("trusted"), name: "trusted", providedInterfaces: [],
            hostCall: { context, _ in throw LoadError("import \(context.interface).\(context.function) is not provided")
            })
        #expect(component.unprovidedImports.map(\.name) == ["sandbox:skill/filesystem.read-file"])
        #expect(component.unprovidedImports.map(\.reason) == ["no host provides it"])
        let call = try CallExpression("run()", in: component)
        let error = #expect(throws: (any Error).self) { try component.call(call.export, call.arguments) }
        #expect("\(error!)".contains("import sandbox:skill/filesystem.read-file is not provided"))
    }
}
