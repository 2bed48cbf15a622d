/// An integer's decimal text, as `description` writes it: WAVE's text of an integer, and the
/// audit's. Written digit by digit into a small buffer, about half the cost of `description`'s
/// generic path, which a scripted call paid for every result it printed.
package enum DecimalText {
    @inlinable
    package static func of<Integer: BinaryInteger>(_ value: Integer) -> String {
        text(magnitude: UInt64(truncatingIfNeeded: value.magnitude), negative: value < 0)
    }

    /// The decimal text of `value` when it is an integer (its WAVE), nil for any other value.
    package static func of(_ value: ComponentValue) -> String? {
        switch value {
        case .u8(let number): of(number)
        case .u16(let number): of(number)
        case .u32(let number): of(number)
        case .u64(let number): of(number)
        case .s8(let number): of(number)
        case .s16(let number): of(number)
        case .s32(let number): of(number)
        case .s64(let number): of(number)
        default: nil
        }
    }

    @usableFromInline
    package static func text(magnitude: UInt64, negative: Bool) -> String {
        // 20 digits hold UInt64.max; a negative number has at most 19 and its sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = buffer.count
            var rest = magnitude
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
                rest /= 10
            } while rest > 0
            if negative {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
