import Testing
import WasmComponent
import WasmRuntime

/// WasmKit 0.4.2 crashes naming a trap's frames when a core module's name section names a
/// function the module does not have; the loader drops such a section first.
@Suite("Core module name sections")
struct CoreNameSectionTests {
    /// compute.wasm with the first entry of its function-names subsection renumbered to index
    /// 127 (the module has about ten functions).
    static func computeWithBadFunctionName() throws -> [UInt8] {
        var bytes = try fixtureBytes("compute")
        var position = try CoreSection.functionNamesSubsection(in: bytes) + 1
        // Past the subsection's size and its entry count, to the first entry's index.
        _ = try LEB128.unsigned(bytes, at: &position, end: bytes.count, bits: 32)
        _ = try LEB128.unsigned(bytes, at: &position, end: bytes.count, bits: 32)
        #expect(bytes[position] < 0x80)
        bytes[position] = 0x7f
        return bytes
    }

    @Test("a trap in a module whose name section names a missing function is reported, not a crash")
    func badFunctionIndex() throws {
        let trap = try GuestTrapTests.trap("divide(1, 0)", in: try Self.computeWithBadFunctionName())
        // The section is gone, so frames fall back to WasmKit's `wasm function[N]`.
        #expect(trap?.description.hasPrefix("trap: integer divide by zero\n  at wasm function[") == true, "\(trap!)")
    }

    @Test("a valid name section is kept: frames carry the C function names")
    func validNamesKept() throws {
        let compute = try loadFixture("compute")
        let call = try CallExpression("divide(1, 0)", in: compute)
        let trap = #expect(throws: GuestTrap.self) { try compute.call(call.export, call.arguments) }
        #expect(trap?.frames == ["divide"])
    }
}
