/// Floats as Rust's `Display` prints them, which is what wasm-wave's writer uses: the shortest
/// digits that read back to the same value in the float's own width, never in exponent form
/// (`1e21` prints as `1000000000000000000000`, `1e-7` as `0.0000001`), `-0` keeps its sign.
/// wasm-wave itself writes `nan` for any NaN, `inf`/`-inf` for infinities.
///
/// Swift's `description` already yields the shortest round-trip digits (for `Float` in `Float`'s
/// width), but switches to exponent form for large and small magnitudes; this re-lays those
/// digits out in positional notation. One more difference: when the value lies exactly halfway
/// between two shortest candidates (f32 `360073.125` with 8 digits), Swift picks the even one
/// (`360073.12`) and Rust the one farther from zero (`360073.13`); we follow Rust.
enum WAVEFloatText {
    static func append<O: WAVEOutput>(_ value: Float, to out: inout O) { appendFloat(value, to: &out) }

    static func append<O: WAVEOutput>(_ value: Double, to out: inout O) { appendFloat(value, to: &out) }

    /// `nan`, `inf`/`-inf`, or the shortest digits of `value` in its own width, positional.
    private static func appendFloat<F: BinaryFloatingPoint & LosslessStringConvertible, O: WAVEOutput>(
        _ value: F, to out: inout O
    ) {
        if value.isNaN {
            out.waveWrite("nan")
        } else if value.isInfinite {
            out.waveWrite(value < 0 ? "-inf" : "inf")
        } else {
            let normal = value.exponentBitPattern != 0
            let fractionBits = F.significandBitCount
            let bias = (1 << (F.exponentBitCount - 1)) - 1
            appendPositional(
                shortest: value.description,
                significand: UInt64(value.significandBitPattern) | (normal ? 1 << UInt64(fractionBits) : 0),
                binaryExponent: (normal ? Int(value.exponentBitPattern) : 1) - bias - fractionBits,
                to: &out)
        }
    }

    /// Rewrites Swift's `[-]D[.D][e±X]` text positionally, dropping a trailing `.0`.
    /// `significand × 2^binaryExponent` is the value's magnitude, to detect ties exactly.
    private static func appendPositional<O: WAVEOutput>(
        shortest text: String, significand: UInt64, binaryExponent: Int, to out: inout O
    ) {
        // 17 significant digits at most for Double; 32 leaves room.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digits in
            var count = 0
            var negative = false
            var digitsBeforePoint = -1
            var inExponent = false
            var exponentNegative = false
            var exponent = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "-"):
                    if inExponent { exponentNegative = true } else { negative = true }
                case UInt8(ascii: "."):
                    digitsBeforePoint = count
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    inExponent = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if inExponent {
                        exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                    } else if count < digits.count {
                        digits[count] = byte
                        count += 1
                    }
                default:
                    break
                }
            }
            if digitsBeforePoint < 0 { digitsBeforePoint = count }
            // Position of the decimal point, counted in digits from the first digit.
            let point = digitsBeforePoint + (exponentNegative ? -exponent : exponent)
            var start = 0
            while start < count && digits[start] == UInt8(ascii: "0") { start += 1 }
            var end = count
            while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
            var integerDigits = point - start
            if start < end
                && isHalfwayAbove(
                    digits: UnsafeBufferPointer(rebasing: digits[start..<end]), integerDigits: integerDigits,
                    significand: significand, binaryExponent: binaryExponent)
            {
                // Round the last digit up, carrying through nines.
                var index = end - 1
                while index >= start && digits[index] == UInt8(ascii: "9") {
                    digits[index] = UInt8(ascii: "0")
                    index -= 1
                }
                if index >= start {
                    digits[index] += 1
                } else {
                    digits[start] = UInt8(ascii: "1")
                    integerDigits += 1
                }
                while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
            }

            if negative { out.waveWrite("-") }
            if start == end {
                out.waveWrite("0")
                return
            }
            let significant = UnsafeBufferPointer(rebasing: digits[start..<end])
            if integerDigits <= 0 {
                out.waveWrite("0.")
                appendZeros(-integerDigits, to: &out)
                out.waveWrite(String(decoding: significant, as: UTF8.self))
            } else if integerDigits >= significant.count {
                out.waveWrite(String(decoding: significant, as: UTF8.self))
                appendZeros(integerDigits - significant.count, to: &out)
            } else {
                out.waveWrite(String(decoding: significant[..<integerDigits], as: UTF8.self))
                out.waveWrite(".")
                out.waveWrite(String(decoding: significant[integerDigits...], as: UTF8.self))
            }
        }
    }

    /// Whether the value is exactly `digits` followed by a 5 in the next place, i.e. halfway
    /// between `digits` and the next candidate up. Exact integer arithmetic: the value is
    /// `significand × 2^binaryExponent`, the midpoint `N × 10^j` with N = digits·10 + 5.
    private static func isHalfwayAbove(
        digits: UnsafeBufferPointer<UInt8>, integerDigits: Int, significand: UInt64, binaryExponent: Int
    ) -> Bool {
        guard significand != 0, digits.count <= 18 else { return false }
        var midpoint: UInt64 = 0
        for digit in digits { midpoint = midpoint * 10 + UInt64(digit - UInt8(ascii: "0")) }
        midpoint = midpoint * 10 + 5
        let decimalExponent = integerDigits - digits.count - 1
        let shift = significand.trailingZeroBitCount
        let oddSignificand = significand >> shift
        // The midpoint is odd; as `odd × 2^p` its power of two is the decimal exponent.
        guard binaryExponent + shift == decimalExponent else { return false }
        if decimalExponent >= 0 {
            var scaled = midpoint
            for _ in 0..<decimalExponent {
                let (product, overflow) = scaled.multipliedReportingOverflow(by: 5)
                if overflow { return false }
                scaled = product
            }
            return scaled == oddSignificand
        }
        var quotient = midpoint
        for _ in 0..<(-decimalExponent) {
            guard quotient % 5 == 0 else { return false }
            quotient /= 5
        }
        return quotient == oddSignificand
    }

    private static func appendZeros<O: WAVEOutput>(_ count: Int, to out: inout O) {
        guard count > 0 else { return }
        out.waveWrite(String(repeating: "0", count: count))
    }
}
