import WasmKit

/// The bytes of a WasmKit `Function` value, as a hash key (see `FunctionTracer.slots`).
struct FunctionBits: Hashable {
    let first: UInt64
    let second: UInt64

    /// Nil if `Function` is not the two words this expects.
    init?(_ function: Function) {
        guard MemoryLayout<Function>.size == 16 else { return nil }
        (first, second) = withUnsafeBytes(of: function) {
            ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
