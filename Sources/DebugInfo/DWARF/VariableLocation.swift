/// Where a variable's value is at one point of execution: a location expression evaluated.
public indirect enum VariableLocation: Hashable, Sendable {
    /// In linear memory at this address.
    case memory(address: UInt64)
    /// The whole value is in a wasm local / global / operand-stack slot.
    case local(UInt32)
    case global(UInt32)
    case operandStack(UInt32)
    /// Computed by the expression (DW_OP_stack_value): the value itself, little-endian bits.
    case value(UInt64)
    /// Given as bytes (DW_OP_implicit_value, DW_AT_const_value).
    case bytes([UInt8])
    /// In parts (DW_OP_piece): each part's location and size in bytes, lowest bytes first.
    case pieces([Piece])
    /// The compiler kept no location here.
    case optimizedOut

    public struct Piece: Hashable, Sendable {
        public let location: VariableLocation
        public let byteCount: Int
    }
}
