/// Why a name is not a kebab-case label. Each case reads after "it": "it starts with a digit".
package enum LabelProblem: Equatable, Sendable {
    case empty
    /// A character other than a-z, A-Z, 0-9 and '-'.
    case disallowedCharacter(Unicode.Scalar)
    case startsWithDigit
    /// A leading, trailing or doubled '-'.
    case emptyWord
    /// A word with both lowercase and uppercase letters, such as `getJSON`.
    case mixedCase(word: String)
    /// An uppercase letter where only lowercase words are allowed (namespaces, packages).
    case uppercase

    package var explanation: String {
        switch self {
        case .empty:
            return "is empty"
        case .disallowedCharacter(let scalar):
            return "contains the character \(Self.describe(scalar)), but kebab case allows only a-z, A-Z, 0-9 and '-'"
        case .startsWithDigit:
            return "starts with a digit, but it must start with a letter"
        case .emptyWord:
            return "has an empty word (a leading, trailing or doubled '-')"
        case .mixedCase(let word):
            return
                "mixes lowercase and uppercase letters in the word \(ControlCharacterEscaper.quoted(word, maximumScalars: 64)) "
                + "(each word is all lowercase, like `get-json`, or all uppercase, like `get-JSON`)"
        case .uppercase:
            return "has uppercase letters, but namespaces and package names are lowercase"
        }
    }

    /// `'é' (U+00E9)` for a printable character, `U+001B` alone for one a terminal acts on.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        guard scalar != " ", scalar != "'", !ControlCharacterEscaper.needsEscape(scalar) else { return "U+\(hex)" }
        return "'\(Character(scalar))' (U+\(hex))"
    }
}
