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
        let marker = Array("\u{4}name".utf8)
        let start = try #require(
            bytes.indices.first { bytes[$0...].starts(with: marker) }, "compute.wasm keeps its name section")
        var position = start + marker.count
        func readLEB() -> Int {
            var value = 0
            var shift = 0
            while true {
                let byte = bytes[position]
                position += 1
                value |= Int(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { return value }
            }
        }
        // Skip the module-name subsection (0) to the function-names one (1), then its entry count.
        while bytes[position] != 0x01 {
            position += 1
            position += readLEB()
        }
        position += 1
        _ = readLEB()
        _ = readLEB()
        #expect(bytes[position] < 0x80)
        bytes[position] = 0x7f
        return bytes
    }

    @Test("a trap in a module whose name section names a missing function is reported, not a crash")
    func badFunctionIndex() throws {
        let compute = try LoadedComponent(
            bytes: try Self.computeWithBadFunctionName(), name: "compute", providedInterfaces: [],
            hostCall: { _, _ in nil })
        let call = try CallExpression("divide(1, 0)", in: compute)
        let trap = #expect(throws: GuestTrap.self) { try compute.call(call.export, call.arguments) }
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
