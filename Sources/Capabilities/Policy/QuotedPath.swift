/// A path as it appears inside messages: in single quotes, control characters escaped (a guest chooses
/// paths, and messages end up on terminals), very long paths shortened in the middle.
package struct QuotedPath: CustomStringConvertible, Sendable {
    static let maximumCharacters = 200
    let path: String

    package init(_ path: String) { self.path = path }

    package var description: String {
        var text = ""
        text.reserveCapacity(path.utf8.count + 2)
        text.append("'")
        let characters = Array(path.unicodeScalars)
        let limit = Self.maximumCharacters
        if characters.count <= limit {
            for scalar in characters { Self.append(scalar, to: &text) }
        } else {
            for scalar in characters.prefix(limit / 2) { Self.append(scalar, to: &text) }
            text.append("…")
            for scalar in characters.suffix(limit / 2) { Self.append(scalar, to: &text) }
        }
        text.append("'")
        return text
    }

    package static func append(_ scalar: Unicode.Scalar, to text: inout String) {
        switch scalar {
        case "\0": text.append("\\0")
        case "\n": text.append("\\n")
        case "\t": text.append("\\t")
        case "\r": text.append("\\r")
        case "\\": text.append("\\\\")
        case "'": text.append("\\'")
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                text.append("\\u{\(String(scalar.value, radix: 16))}")
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
    }
}
