/// What evaluating a location needs from the paused wasm frame; the stepper implements it.
///
/// Indices are those of the ORIGINAL module (as DWARF gives them): an implementation over an
/// instrumented module maps them if instrumentation added locals or globals. Every method
/// throws `VariableReadError` with a message for the user when the value is not available.
public protocol WasmFrameReader {
    /// The current frame's local `index` (parameters first).
    func local(_ index: UInt32) throws(VariableReadError) -> WasmValue
    /// Global `index` of the module.
    func global(_ index: UInt32) throws(VariableReadError) -> WasmValue
    /// Slot `index` of the current function's operand stack, counted from the bottom of the
    /// function's own stack (0 is the deepest), as LLVM numbers them.
    func operandStack(_ index: UInt32) throws(VariableReadError) -> WasmValue
    /// `count` bytes of linear memory 0 from `address`; throws when any byte is out of bounds.
    func memory(at address: UInt64, count: Int) throws(VariableReadError) -> [UInt8]
}

extension WasmFrameReader {
    public func operandStack(_ index: UInt32) throws(VariableReadError) -> WasmValue {
        throw VariableReadError("the wasm operand stack (slot \(index)) is not available")
    }
}
