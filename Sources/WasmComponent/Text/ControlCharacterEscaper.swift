/// Text that a component, a guest or a file chose, made safe to show on a terminal: every
/// character a terminal may act on instead of printing is written as an escape, and very long
/// text is shortened in the middle so that a name of megabytes cannot flood a message.
///
/// Escaped as `\u{hex}` (lowercase, no leading zeros, as WAVE writes them): C0 controls
/// (U+0000–U+001F: ESC starts escape sequences, CR moves to the line start, BEL, ...), DEL
/// (U+007F), C1 controls (U+0080–U+009F: U+009B is a one-character CSI on terminals that honour
/// C1), and what else is not printable text: format characters (Cf: the bidirectional overrides
/// such as U+202E that reorder what follows, zero-width characters), line and paragraph
/// separators (Zl, Zp), spaces other than U+0020 (Zs), private-use (Co), surrogate (Cs) and
/// unassigned (Cn) code points. Tab, LF and CR are written `\t`, `\n` and `\r`; the backslash
/// itself is written `\\`, so that an escape in the output always stands for one character and
/// never for text that only looks like an escape.
///
/// Shared by every target that shows such text (component names in WasmComponent's errors;
/// meant for core names, paths and values elsewhere too).
package enum ControlCharacterEscaper {
    /// How many characters (Unicode scalars) of the original text are kept by default: the first
    /// and the last half of it, around a `…`.
    package static let defaultMaximumScalars = 200

    /// `text` with every unsafe character escaped, shortened to its first and last
    /// `maximumScalars / 2` characters around a `…` when it is longer than `maximumScalars`.
    ///
    /// Text whose backslashes already begin escapes (WAVE) keeps them with
    /// `escapingBackslashes: false`.
    package static func escaped(
        _ text: String, maximumScalars: Int = defaultMaximumScalars, escapingBackslashes: Bool = true
    ) -> String {
        let keeps = { (scalar: Unicode.Scalar) in !escapingBackslashes && scalar == "\\" }
        if text.utf8.count <= maximumScalars, !text.unicodeScalars.contains(where: { needsEscape($0) && !keeps($0) }) {
            return text
        }
        var output = ""
        append(text, quote: nil, keepsBackslashes: !escapingBackslashes, maximumScalars: maximumScalars, to: &output)
        return output
    }

    /// `escaped(text)` in single quotes, with a `'` inside written `\'`: how messages quote
    /// names.
    package static func quoted(_ text: String, maximumScalars: Int = defaultMaximumScalars) -> String {
        var output = "'"
        append(text, quote: "'", maximumScalars: maximumScalars, to: &output)
        output += "'"
        return output
    }

    /// `text` as it is meant to be read, for text shown whole as lines (a guest's output, a
    /// string shown raw): only what a terminal acts on is escaped, C0 controls but line feed and
    /// tab, DEL and C1, so that emoji sequences and right-to-left text still read as written.
    package static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isTerminalControl) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isTerminalControl(scalar) { append(scalar, to: &output) } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether a terminal could act on `scalar` (or misread it) instead of printing it.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x5C: return true
        case 0x20...0x7E: return false
        case 0..<0x20, 0x7F...0x9F: return true
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned,
                .spaceSeparator, .lineSeparator, .paragraphSeparator:
                return true
            default:
                return false
            }
        }
    }

    /// Appends `scalar`, escaped if it needs to be.
    package static func append(_ scalar: Unicode.Scalar, to output: inout String) {
        guard needsEscape(scalar) else {
            output.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\\": output += "\\\\"
        case "\t": output += "\\t"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        default:
            output += "\\u{"
            output += String(scalar.value, radix: 16)
            output += "}"
        }
    }

    /// Linear in the kept length: the scalars left out in the middle are skipped, not copied.
    private static func append(
        _ text: String, quote: Unicode.Scalar?, keepsBackslashes: Bool = false, maximumScalars: Int,
        to output: inout String
    ) {
        let scalars = text.unicodeScalars
        let limit = max(maximumScalars, 2)
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            cut != scalars.endIndex
        else {
            append(scalars[...], quote: quote, keepsBackslashes: keepsBackslashes, to: &output)
            return
        }
        let headEnd = scalars.index(scalars.startIndex, offsetBy: limit / 2)
        let tailStart = scalars.index(scalars.endIndex, offsetBy: -(limit - limit / 2))
        append(scalars[..<headEnd], quote: quote, keepsBackslashes: keepsBackslashes, to: &output)
        output += "…"
        append(scalars[tailStart...], quote: quote, keepsBackslashes: keepsBackslashes, to: &output)
    }

    private static func append(
        _ scalars: Substring.UnicodeScalarView, quote: Unicode.Scalar?, keepsBackslashes: Bool,
        to output: inout String
    ) {
        for scalar in scalars {
            if keepsBackslashes && scalar == "\\" {
                output.unicodeScalars.append(scalar)
            } else if scalar == quote {
                output += "\\"
                output.unicodeScalars.append(scalar)
            } else {
                append(scalar, to: &output)
            }
        }
    }
}
