/// Checked access to guest memory on top of the context's unchecked accessors. Every range is
/// checked here before the context touches memory (the engine's accessors trap on bad ranges).
extension CanonicalContext {
    /// The memory size, or an error naming what needed memory when the function has none.
    func requireMemory(for purpose: @autoclosure () -> String) throws -> Int {
        guard let size = memoryByteCount() else { throw CanonicalABIError.missingMemory(purpose()) }
        return size
    }

    /// Checks that `address` is a multiple of `alignment` and that `byteCount` bytes from it lie
    /// in memory. `subject` names the value (`list<u32>`), `extent` its size (`length 3`).
    func checkRange(
        address: Int,
        byteCount: Int,
        alignment: Int,
        subject: @autoclosure () -> String,
        extent: @autoclosure () -> String
    ) throws {
        let memorySize = try requireMemory(for: subject())
        guard address & (alignment - 1) == 0 else {
            throw CanonicalABIError.misaligned(address: address, alignment: alignment, subject: subject())
        }
        guard address + byteCount <= memorySize else {
            throw CanonicalABIError.outOfBounds(subject(), address: address, extent: extent(), memorySize: memorySize)
        }
    }

    /// A little-endian integer at an address already checked to be in bounds.
    @inline(__always)
    func loadInteger<T: FixedWidthInteger>(_: T.Type, at address: Int) -> T {
        T(truncatingIfNeeded: loadBits(offset: address, count: MemoryLayout<T>.size))
    }

    /// Stores a little-endian integer at an address already checked to be in bounds.
    @inline(__always)
    mutating func storeInteger<T: FixedWidthInteger>(_ value: T, at address: Int) {
        storeBits(UInt64(truncatingIfNeeded: value), offset: address, count: MemoryLayout<T>.size)
    }

    func loadBits(offset: Int, count: Int) -> UInt64 {
        withMemory(offset: offset, count: count) { CanonicalABI.littleEndianBits($0) }
    }

    mutating func storeBits(_ bits: UInt64, offset: Int, count: Int) {
        withMutableMemory(offset: offset, count: count) { CanonicalABI.storeLittleEndianBits(bits, into: $0) }
    }

    /// Calls the guest's `realloc` and checks the block it returns: aligned, and `size` bytes in
    /// memory (spec: the `trap_if`s after every `allocate`/`reallocate`).
    mutating func allocate(
        replacing original: Int = 0,
        originalSize: Int = 0,
        alignment: Int,
        size: Int,
        for subject: @autoclosure () -> String
    ) throws -> Int {
        _ = try requireMemory(for: subject())
        guard hasRealloc else { throw CanonicalABIError.missingRealloc(subject()) }
        let pointer = Int(
            try realloc(
                originalPointer: UInt32(truncatingIfNeeded: original),
                originalSize: UInt32(truncatingIfNeeded: originalSize),
                alignment: UInt32(truncatingIfNeeded: alignment),
                newSize: UInt32(truncatingIfNeeded: size)
            )
        )
        // realloc ran guest code: the memory may have grown, so ask again.
        let memorySize = try requireMemory(for: subject())
        guard pointer & (alignment - 1) == 0 else {
            throw CanonicalABIError.misaligned(
                address: pointer, alignment: alignment, subject: "\(subject()) (returned by realloc)")
        }
        guard pointer + size <= memorySize else {
            throw CanonicalABIError.outOfBounds(
                "\(subject()) allocated by realloc", address: pointer, extent: "\(size) bytes", memorySize: memorySize)
        }
        return pointer
    }
}
