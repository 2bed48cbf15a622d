/// Unsigned LEB128 encoding of the sizes, counts and indices the instrumenter writes.
enum LEB128 {
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var rest = value
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    static func encodedSize(_ value: UInt32) -> Int {
        var size = 1
        var rest = value >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }
}
