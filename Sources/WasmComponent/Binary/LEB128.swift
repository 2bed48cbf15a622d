/// LEB128, the variable-length integers of wasm binaries: the one decoder and encoder that the
/// component parser, the core-module instrumenter and the name-section reader share. Each of
/// them wraps it in a cursor with its own error type.
package enum LEB128 {
    package enum Problem: Error, Sendable {
        /// The bytes end before the integer does.
        case truncated
        /// More bytes than the integer's width allows, or unused bits of the last byte set.
        case malformed
    }

    /// An unsigned integer of at most `bits` bits (32 or 64) at `position`, which moves past it.
    @inlinable
    @_specialize(exported:true,where Bytes == ArraySlice<UInt8>)
    package static func unsigned<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at position: inout Int, end: Int, bits: Int
    ) throws(Problem) -> UInt64 where Bytes.Index == Int {
        let maxBytes = (bits + 6) / 7
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for index in 0..<maxBytes {
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                // The last byte may use only the bits left of the integer's width.
                if index == maxBytes - 1, bits - 7 * index < 7, byte >> (bits - 7 * index) != 0 { throw .malformed }
                return result
            }
            shift += 7
        }
        throw .malformed
    }

    /// A signed integer of at most `bits` bits (32, 33 or 64), sign-extended.
    @inlinable
    @_specialize(exported:true,where Bytes == ArraySlice<UInt8>)
    package static func signed<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at position: inout Int, end: Int, bits: Int
    ) throws(Problem) -> Int64 where Bytes.Index == Int {
        let maxBytes = (bits + 6) / 7
        var result: Int64 = 0
        var shift = 0
        for index in 0..<maxBytes {
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            position += 1
            result |= Int64(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                if index == maxBytes - 1 {
                    // The unused high bits of the last byte must repeat the sign bit.
                    let usedBits = bits - 7 * (maxBytes - 1)
                    let rest = Int(byte & 0x7F) >> (usedBits - 1)
                    guard rest == 0 || rest == (0x7F >> (usedBits - 1)) else { throw .malformed }
                }
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
        throw .malformed
    }

    /// At most this many bytes in a padded integer: ten hold 64 bits, the rest is padding.
    @usableFromInline static let paddedByteLimit = 16

    /// An unsigned integer of up to 64 bits as DWARF producers write them: redundant padding
    /// bytes (0x80 ... 0x00) are accepted, as relocations pad to fixed widths; bits past 64 must
    /// be zero, and an endless run of 0x80 ends at `paddedByteLimit`.
    @inlinable
    package static func paddedUnsigned<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at position: inout Int, end: Int
    ) throws(Problem) -> UInt64 where Bytes.Index == Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<paddedByteLimit {
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            position += 1
            let payload = UInt64(byte & 0x7F)
            if shift < 64 {
                guard shift == 0 || payload >> (64 - shift) == 0 else { throw .malformed }
                result |= payload << shift
            } else if payload != 0 {
                throw .malformed
            }
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw .malformed
    }

    /// A signed integer of up to 64 bits as DWARF producers write them (padding allowed),
    /// sign-extended.
    @inlinable
    package static func paddedSigned<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at position: inout Int, end: Int
    ) throws(Problem) -> Int64 where Bytes.Index == Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<paddedByteLimit {
            guard position < end else { throw .truncated }
            let byte = bytes[position]
            position += 1
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64, byte & 0x40 != 0 { result |= UInt64.max << shift }
                return Int64(bitPattern: result)
            }
        }
        throw .malformed
    }

    /// Appends `value` in the shortest encoding.
    package static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var rest = value
        repeat {
            let low = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? low : low | 0x80)
        } while rest != 0
    }

    /// How many bytes `write(padded:into:at:)` takes: every `u32`, whatever its value.
    package static let paddedUInt32Length = 5

    /// Writes `value` over the five bytes at `position`, padded (`0x80`... then a final byte):
    /// for a size known only after what it measures has been written after it.
    package static func write(padded value: UInt32, into bytes: inout [UInt8], at position: Int) {
        for index in 0..<paddedUInt32Length {
            let low = UInt8(truncatingIfNeeded: value >> (7 * index)) & 0x7F
            bytes[position + index] = index < paddedUInt32Length - 1 ? low | 0x80 : low
        }
    }

    /// Appends a signed `value` in the shortest encoding (an `i32.const` or `i64.const` immediate).
    package static func appendSigned(_ value: Int64, to bytes: inout [UInt8]) {
        var rest = value
        while true {
            let low = UInt8(truncatingIfNeeded: rest) & 0x7F
            rest >>= 7
            let done = (rest == 0 && low & 0x40 == 0) || (rest == -1 && low & 0x40 != 0)
            bytes.append(done ? low : low | 0x80)
            if done { return }
        }
    }
}
