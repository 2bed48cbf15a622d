/// What the canonical ABI needs from the engine for one call: the guest's linear memory, its
/// `realloc`, its string encoding, and the resource handle tables.
///
/// The engine layer implements this once (over WasmKit's `Memory`, the guest's `cabi_realloc`
/// and the component instance's handle table); the canonical ABI code is generic over it, so no
/// existential is involved in the hot path. Contexts are passed `inout`: an implementation may be
/// a plain struct.
///
/// Contract, relied upon by the canonical ABI code:
/// - Every memory range passed to ``withMemory(offset:count:_:)`` and
///   ``withMutableMemory(offset:count:_:)`` has been checked by the canonical ABI against
///   ``memoryByteCount()`` before the call, and `count` is never 0. Implementations may therefore
///   use an accessor that traps on out-of-bounds access.
/// - Memory never shrinks during a call (WebAssembly memories only grow), so a range checked once
///   stays valid even after `realloc` ran guest code.
/// - Errors thrown by the hooks (a trap in `realloc`, a bad handle index) are propagated unchanged
///   to the caller of the canonical ABI function.
package protocol CanonicalContext {
    /// The canonical options of the function being lifted or lowered.
    var options: CanonicalOptions { get }

    /// The current size of the guest's linear memory in bytes, or nil when the function has no
    /// `memory` canonical option (then only values without pointers can cross).
    func memoryByteCount() -> Int?

    /// Calls `body` with the guest memory bytes `offset ..< offset + count`, read-only.
    /// The range is in bounds and non-empty (see the protocol's contract).
    func withMemory<T>(offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T

    /// Calls `body` with the guest memory bytes `offset ..< offset + count`, writable.
    /// The range is in bounds and non-empty (see the protocol's contract).
    mutating func withMutableMemory<T>(
        offset: Int, count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> T
    ) rethrows -> T

    /// The little-endian integer of `count` bytes (1, 2, 4 or 8) at `offset`, zero-extended; the
    /// range is in bounds. Integers are read through this, not `withMemory`: from the canonical
    /// ABI's code, generic over the context, a generic call costs run-time generic metadata.
    func loadBits(offset: Int, count: Int) -> UInt64

    /// Stores the low `count` bytes (1, 2, 4 or 8) of `bits`, little-endian, at `offset` (in bounds).
    mutating func storeBits(_ bits: UInt64, offset: Int, count: Int)

    /// Whether the function has a `realloc` canonical option. Checked before every
    /// ``realloc(originalPointer:originalSize:alignment:newSize:)`` call so that a missing option
    /// is reported with what needed it.
    var hasRealloc: Bool { get }

    /// Calls the guest's `realloc(original_ptr, original_size, alignment, new_size) -> ptr`.
    /// `(0, 0, alignment, size)` allocates. The canonical ABI checks the returned pointer's
    /// alignment and bounds itself; the implementation only calls the guest.
    mutating func realloc(originalPointer: UInt32, originalSize: UInt32, alignment: UInt32, newSize: UInt32) throws
        -> UInt32

    /// Lowers an owned handle into the guest: moves ownership of `handle` into the guest
    /// instance's handle table and returns the guest-side index (spec: `lower_own`).
    mutating func lowerOwn(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32

    /// Lends `handle` to the guest for the duration of the call and returns the guest-side index
    /// (or the representation, when the guest implements the resource itself; spec: `lower_borrow`).
    mutating func lowerBorrow(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32

    /// Takes the owned handle at `index` out of the guest instance's table (spec: `lift_own`).
    /// Must throw when the index is free, names another resource type, is borrowed or is lent out.
    mutating func liftOwn(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle

    /// Borrows the handle at `index` from the guest instance's table for the call (spec:
    /// `lift_borrow`). Must throw when the index is free or names another resource type.
    mutating func liftBorrow(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle

    /// Counts `bytes` of host memory that lifting is about to take (a string's bytes, a list's
    /// values) against the call's budget, and throws when the budget is spent or the call was
    /// interrupted: aliasing lets a guest describe gigabytes with a few bytes of memory, so what
    /// lifting builds is bounded here, not by the guest's memory size.
    mutating func chargeLift(_ bytes: Int) throws
}

extension CanonicalContext {
    /// What one lifted value takes on the host before any payload: its slot in an array.
    static var liftedValueBytes: Int { MemoryLayout<ComponentValue>.stride }
}
