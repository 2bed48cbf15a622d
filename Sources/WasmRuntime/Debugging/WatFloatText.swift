/// Float constants as `wasm-tools print` (1.262) writes them: the exact value in hexadecimal
/// (`0x1.2p+1`, `-0x0p+0`, `inf`, `nan`, `nan:0x4`), then its shortest decimal in a comment
/// (`(;=2.25;)`), written without an exponent as Rust's `Display` writes floats.
enum WatFloatText {
    static func f32(_ bits: UInt32) -> String {
        text(bits: UInt64(bits), width: 32, exponentWidth: 8, decimal: decimal(Float(bitPattern: bits).description))
    }

    static func f64(_ bits: UInt64) -> String {
        text(bits: bits, width: 64, exponentWidth: 11, decimal: decimal(Double(bitPattern: bits).description))
    }

    /// `width` is 32 or 64; the bits sit in the low `width` bits of `bits`.
    private static func text(bits original: UInt64, width: Int, exponentWidth: Int, decimal: String) -> String {
        let mantissaWidth = width - 1 - exponentWidth
        let signBit: UInt64 = 1 << (width - 1)
        var text = original & signBit != 0 ? "-" : ""
        let bits = original & ~signBit
        let exponentField = Int(bits >> mantissaWidth)
        let maximumField = (1 << exponentWidth) - 1
        let fractionMask: UInt64 = (1 << mantissaWidth) - 1
        let comment = " (;=\(decimal);)"
        if exponentField == maximumField {
            let payload = bits & fractionMask
            if payload == 0 { return text + "inf" + comment }
            if payload == 1 << (mantissaWidth - 1) { return text + "nan" + comment }
            return text + "nan:0x" + String(payload, radix: 16) + comment
        }
        let bias = (1 << (exponentWidth - 1)) - 1
        text += "0x"
        guard bits != 0 else { return text + "0p+0" + comment }
        var exponent = exponentField - bias
        // The fraction's bits at the top of a `width`-bit word, shifted out four at a time.
        let wordMask: UInt64 = width == 64 ? .max : (1 << width) - 1
        var fraction = bits & fractionMask
        text += "1"
        if fraction > 0 {
            fraction = (fraction << (width - mantissaWidth)) & wordMask
            if exponentField == 0 {
                // A subnormal: normalised, its leading 1 shifted out; as wasm-tools does, the
                // point is written even when no digit is left after it.
                let leading = (width == 64 ? fraction.leadingZeroBitCount : fraction.leadingZeroBitCount - 32)
                fraction = leading < width - 1 ? (fraction << (leading + 1)) & wordMask : 0
                exponent -= leading
            }
            text += "."
            while fraction > 0 {
                text += String(fraction >> (width - 4), radix: 16)
                fraction = (fraction << 4) & wordMask
            }
        }
        return text + "p" + (exponent >= 0 ? "+" : "") + String(exponent) + comment
    }

    /// Swift's shortest round-trip digits (`2.25`, `1e-45`, `240.0`) laid out without an
    /// exponent and without a trailing `.0`, as Rust prints floats: `2.25`, `0.000…001`, `240`.
    static func decimal(_ swift: String) -> String {
        switch swift {
        case "nan", "-nan": return "NaN"
        case "inf": return "inf"
        case "-inf": return "-inf"
        default: break
        }
        var text = Substring(swift)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let point = text.firstIndex(of: ".")
        let integerPart = point.map { text[..<$0] } ?? text
        let fractionPart = point.map { text[text.index(after: $0)...] } ?? ""
        let digits = Array(integerPart + fractionPart)
        // The decimal point sits after `pointPosition` digits (may be outside the digits).
        let pointPosition = integerPart.count + exponent
        var whole = ""
        var fractional = ""
        if pointPosition <= 0 {
            whole = "0"
            fractional = String(repeating: "0", count: -pointPosition) + String(digits)
        } else if pointPosition >= digits.count {
            whole = String(digits) + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            whole = String(digits[..<pointPosition])
            fractional = String(digits[pointPosition...])
        }
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        while fractional.hasSuffix("0") { fractional.removeLast() }
        return (negative ? "-" : "") + whole + (fractional.isEmpty ? "" : "." + fractional)
    }
}
