/// Chars and strings as wasm-wave's writer escapes them.
///
/// The writer escapes `\ " ' tab CR LF` with a backslash, other control characters (category Cc)
/// as `\u{hex}`, and leaves the rest to Rust's `char::escape_debug`, which writes `\u{hex}` for
/// grapheme-extending characters (combining marks, variation selectors, ZWJ) and for characters
/// Rust does not consider printable: categories Zs (except the space), Zl, Zp, Cc, Cf, Cs, Co and
/// Cn (unassigned). We take those properties from Swift's Unicode tables; where Swift's Unicode
/// version differs from the one in the Rust that built wasmtime, newly assigned characters may be
/// escaped here but printed there (or the reverse). Hex digits are lowercase without leading zeros.
enum WAVETextEscaper {
    static func appendChar<O: WAVEOutput>(_ scalar: Unicode.Scalar, to out: inout O) {
        out.waveWrite("'")
        appendEscaped(scalar, to: &out)
        out.waveWrite("'")
    }

    static func appendString<O: WAVEOutput>(_ string: String, to out: inout O) {
        out.waveWrite("\"")
        // Runs of characters that need no escaping are copied in one piece.
        var pendingStart = string.unicodeScalars.startIndex
        var index = pendingStart
        let scalars = string.unicodeScalars
        // Long runs are handed over in pieces, so an output that has enough stops the scan.
        var runLength = 0
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if needsEscape(scalar) {
                if pendingStart != index { out.waveWrite(string[pendingStart..<index]) }
                appendEscaped(scalar, to: &out)
                index = scalars.index(after: index)
                pendingStart = index
                runLength = 0
            } else {
                index = scalars.index(after: index)
                runLength += 1
                if runLength == 4096 {
                    out.waveWrite(string[pendingStart..<index])
                    pendingStart = index
                    runLength = 0
                }
            }
            if runLength == 0 && !out.wantsMore { return }
        }
        if pendingStart != scalars.endIndex { out.waveWrite(string[pendingStart...]) }
        out.waveWrite("\"")
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5C, 0x22, 0x27: return true
        case 0x20...0x7E: return false
        case 0..<0x20, 0x7F...0x9F: return true
        default: return !isRustPrintable(scalar) || scalar.properties.isGraphemeExtend
        }
    }

    private static func appendEscaped<O: WAVEOutput>(_ scalar: Unicode.Scalar, to out: inout O) {
        switch scalar.value {
        case 0x5C: out.waveWrite("\\\\")
        case 0x22: out.waveWrite("\\\"")
        case 0x27: out.waveWrite("\\'")
        case 0x09: out.waveWrite("\\t")
        case 0x0D: out.waveWrite("\\r")
        case 0x0A: out.waveWrite("\\n")
        default:
            if needsEscape(scalar) {
                out.waveWrite("\\u{")
                out.waveWrite(String(scalar.value, radix: 16, uppercase: false))
                out.waveWrite("}")
            } else {
                out.waveWrite(scalar)
            }
        }
    }

    /// Rust's notion of printable for characters beyond ASCII (see the type's comment).
    private static func isRustPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
