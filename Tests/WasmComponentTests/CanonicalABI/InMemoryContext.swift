@testable import WasmComponent

/// A canonical-ABI context over a `[UInt8]` heap: a bump `realloc` that copies like a real one,
/// and a handle table. Memory accessors trap on a bad range, as WasmKit's do, so any range the
/// canonical ABI forgot to check crashes the test run instead of passing silently.
struct InMemoryContext: CanonicalContext {
    struct HandleError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    struct ReallocCall: Equatable {
        var originalPointer: UInt32
        var originalSize: UInt32
        var alignment: UInt32
        var newSize: UInt32
    }

    var options: CanonicalOptions
    var memory: [UInt8]
    var hasMemory = true
    var hasRealloc = true
    /// Where the next allocation starts (after alignment).
    var nextFree: Int
    var reallocCalls: [ReallocCall] = []
    /// Replaces the bump allocator's answer, to test what a misbehaving guest `realloc` returns.
    var reallocOverride: ((ReallocCall) -> UInt32)?
    /// The guest instance's handle table: index -> handle.
    var handles: [UInt32: ResourceHandle] = [:]
    var nextHandleIndex: UInt32 = 1
    /// Host memory lifting may still take in this call; nil for no budget.
    var liftBudget: Int?
    /// Every charge made, in order.
    var liftCharges: [Int] = []

    struct BudgetError: Error, Equatable {}

    init(encoding: StringEncoding = .utf8, memorySize: Int = 65536, heapStart: Int = 1024) {
        options = CanonicalOptions(stringEncoding: encoding)
        memory = Array(repeating: 0, count: memorySize)
        nextFree = heapStart
    }

    func memoryByteCount() -> Int? {
        hasMemory ? memory.count : nil
    }

    func withMemory<T>(offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        precondition(count > 0, "the canonical ABI promised non-empty ranges")
        precondition(offset >= 0 && offset + count <= memory.count, "out-of-bounds read \(offset)+\(count)")
        return try memory.withUnsafeBytes { bytes in
            try body(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        }
    }

    mutating func withMutableMemory<T>(
        offset: Int, count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> T
    ) rethrows -> T {
        precondition(count > 0, "the canonical ABI promised non-empty ranges")
        precondition(offset >= 0 && offset + count <= memory.count, "out-of-bounds write \(offset)+\(count)")
        return try memory.withUnsafeMutableBytes { bytes in
            try body(UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + count]))
        }
    }

    mutating func realloc(originalPointer: UInt32, originalSize: UInt32, alignment: UInt32, newSize: UInt32) throws
        -> UInt32
    {
        let call = ReallocCall(
            originalPointer: originalPointer, originalSize: originalSize, alignment: alignment, newSize: newSize)
        reallocCalls.append(call)
        if let reallocOverride { return reallocOverride(call) }
        let alignment = Int(max(alignment, 1))
        let start = (nextFree + alignment - 1) / alignment * alignment
        let end = start + Int(newSize)
        while end > memory.count {
            memory += Array(repeating: 0, count: 65536)  // memory.grow
        }
        let kept = Int(min(originalSize, newSize))
        if originalPointer != 0 && kept > 0 {
            let old = Int(originalPointer)
            memory.replaceSubrange(start..<start + kept, with: memory[old..<old + kept])
        }
        nextFree = end
        return UInt32(start)
    }

    mutating func lowerOwn(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        try addHandle(handle, type: type, owned: true)
    }

    mutating func lowerBorrow(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        try addHandle(handle, type: type, owned: false)
    }

    mutating func liftOwn(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle {
        guard let handle = handles[index], handle.resource === type, handle.isOwned else {
            throw HandleError(description: "no own<\(type.name)> handle at index \(index)")
        }
        handles[index] = nil
        return handle
    }

    mutating func liftBorrow(_ index: UInt32, as type: ResourceType) throws -> ResourceHandle {
        guard let handle = handles[index], handle.resource === type else {
            throw HandleError(description: "no \(type.name) handle at index \(index)")
        }
        return ResourceHandle(resource: handle.resource, index: handle.index, isOwned: false)
    }

    private mutating func addHandle(_ handle: ResourceHandle, type: ResourceType, owned: Bool) throws -> UInt32 {
        guard handle.resource === type else {
            throw HandleError(description: "handle \(handle) is not a \(type.name)")
        }
        let index = nextHandleIndex
        nextHandleIndex += 1
        handles[index] = ResourceHandle(resource: handle.resource, index: handle.index, isOwned: owned)
        return index
    }

    // MARK: Test helpers

    func bytes(at address: Int, count: Int) -> [UInt8] {
        Array(memory[address..<address + count])
    }

    mutating func write(_ bytes: [UInt8], at address: Int) {
        memory.replaceSubrange(address..<address + bytes.count, with: bytes)
    }

    mutating func writeU32(_ value: UInt32, at address: Int) {
        write(withUnsafeBytes(of: value.littleEndian, Array.init), at: address)
    }

    func u32(at address: Int) -> UInt32 {
        bytes(at: address, count: 4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func chargeLift(_ bytes: Int) throws {
        liftCharges.append(bytes)
        guard let budget = liftBudget else { return }
        guard bytes <= budget else { throw BudgetError() }
        liftBudget = budget - bytes
    }
}
