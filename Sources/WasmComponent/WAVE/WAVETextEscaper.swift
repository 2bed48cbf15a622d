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
    static func appendChar(_ scalar: Unicode.Scalar, to out: inout String) {
        out += "'"
        appendEscaped(scalar, to: &out)
        out += "'"
    }

    static func appendString(_ string: String, to out: inout String) {
        out += "\""
        // Runs of characters that need no escaping are copied in one piece.
        var pendingStart = string.unicodeScalars.startIndex
        var index = pendingStart
        let scalars = string.unicodeScalars
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if needsEscape(scalar) {
                if pendingStart != index { out += string[pendingStart..<index] }
                appendEscaped(scalar, to: &out)
                index = scalars.index(after: index)
                pendingStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        if pendingStart != scalars.endIndex { out += string[pendingStart...] }
        out += "\""
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5C, 0x22, 0x27: return true
        case 0x20...0x7E: return false
        case 0..<0x20, 0x7F...0x9F: return true
        default: return !isRustPrintable(scalar) || scalar.properties.isGraphemeExtend
        }
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case 0x5C: out += "\\\\"
        case 0x22: out += "\\\""
        case 0x27: out += "\\'"
        case 0x09: out += "\\t"
        case 0x0D: out += "\\r"
        case 0x0A: out += "\\n"
        default:
            if needsEscape(scalar) {
                out += "\\u{"
                out += String(scalar.value, radix: 16, uppercase: false)
                out += "}"
            } else {
                out.unicodeScalars.append(scalar)
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
