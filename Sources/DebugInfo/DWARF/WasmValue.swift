/// A WebAssembly value as a wasm local, global or operand-stack slot holds it.
public enum WasmValue: Hashable, Sendable {
    case i32(UInt32)
    case i64(UInt64)
    /// The bit pattern of an f32.
    case f32(UInt32)
    /// The bit pattern of an f64.
    case f64(UInt64)

    /// Its bits, zero-extended to 64.
    var bits: UInt64 {
        switch self {
        case .i32(let value), .f32(let value): UInt64(value)
        case .i64(let value), .f64(let value): value
        }
    }

    /// 4 or 8.
    var byteCount: Int {
        switch self {
        case .i32, .f32: 4
        case .i64, .f64: 8
        }
    }
}
