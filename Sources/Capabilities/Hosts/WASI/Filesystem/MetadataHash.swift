/// wasmtime's `metadata-hash`: Rust std's `DefaultHasher::new()` (SipHash-1-3, keys zero) fed the
/// device and the inode number (`write_u64` each, little-endian bytes), the upper half the lower
/// one xor the bits of π as a double. A guest (wasi-libc turns it into `st_ino`) sees the same
/// values under wasmsh as under wasmtime 50 for the same file; nothing guarantees Rust keeps this
/// hasher, so it is a courtesy, not a contract.
enum MetadataHash {
    /// The IEEE double closest to π, as wasmtime's constant.
    static let upperMask: UInt64 = 4_614_256_656_552_045_848

    static func lower(device: UInt64, inode: UInt64) -> UInt64 {
        var state = SipState()
        state.compress(device)
        state.compress(inode)
        // The last block: no bytes left over, the message length (16) in the top byte.
        state.compress(UInt64(16) << 56)
        return state.finish()
    }

    /// SipHash's state with keys 0 and 0, one compression round per block, three at the end.
    private struct SipState {
        var v0: UInt64 = 0x736f_6d65_7073_6575
        var v1: UInt64 = 0x646f_7261_6e64_6f6d
        var v2: UInt64 = 0x6c79_6765_6e65_7261
        var v3: UInt64 = 0x7465_6462_7974_6573

        mutating func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13) ^ v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16) ^ v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21) ^ v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17) ^ v2
            v2 = v2.rotatedLeft(32)
        }

        mutating func compress(_ block: UInt64) {
            v3 ^= block
            round()
            v0 ^= block
        }

        mutating func finish() -> UInt64 {
            v2 ^= 0xff
            round()
            round()
            round()
            return v0 ^ v1 ^ v2 ^ v3
        }
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
