import DebugInfo

/// A paused frame for tests: locals, globals and a small linear memory, with the errors a
/// real frame gives for what it does not have.
struct FakeFrame: WasmFrameReader {
    var locals: [WasmValue] = []
    var globals: [WasmValue] = []
    var memory: [UInt8] = Array(repeating: 0, count: 0x4000)

    func local(_ index: UInt32) throws(VariableReadError) -> WasmValue {
        guard Int(index) < locals.count else { throw VariableReadError("the frame has no local \(index)") }
        return locals[Int(index)]
    }

    func global(_ index: UInt32) throws(VariableReadError) -> WasmValue {
        guard Int(index) < globals.count else { throw VariableReadError("the module has no global \(index)") }
        return globals[Int(index)]
    }

    func memory(at address: UInt64, count: Int) throws(VariableReadError) -> [UInt8] {
        guard address <= UInt64(memory.count), UInt64(count) <= UInt64(memory.count) - address else {
            throw VariableReadError("\(count) bytes at 0x\(String(address, radix: 16)) are outside linear memory")
        }
        return Array(memory[Int(address)..<Int(address) + count])
    }

    mutating func store(_ bytes: [UInt8], at address: Int) {
        memory.replaceSubrange(address..<address + bytes.count, with: bytes)
    }
}
