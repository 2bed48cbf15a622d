/// The component model's kebab-case labels (Explainer.md, "Import and Export Definitions"):
///
///     label          ::= first-fragment ( '-' fragment )*
///     first-fragment ::= [a-z] [0-9a-z]* | [A-Z] [0-9A-Z]*
///     fragment       ::= [0-9a-z]+ | [0-9A-Z]+
///     words          ::= first-word ( '-' word )*       (namespaces and packages: lowercase)
///
/// Checked on the UTF-8 bytes in one pass, so validation is linear in the name's length.
package enum KebabCase {
    /// Why `text` is not a label (or, with `lowercaseOnly`, not `words`); nil when it is one.
    package static func problem(in text: Substring, lowercaseOnly: Bool = false) -> LabelProblem? {
        check(text, lowercaseOnly: lowercaseOnly).problem
    }

    /// Whether `text` is a label.
    package static func isLabel(_ text: Substring) -> Bool { problem(in: text) == nil }

    /// The problem, if any, and whether the text has uppercase letters (then its uniqueness
    /// key is lowercased), found in the same pass.
    static func check(_ text: Substring, lowercaseOnly: Bool = false) -> (problem: LabelProblem?, hasUppercase: Bool) {
        var contiguous = text
        let result = contiguous.withUTF8 { scan($0, lowercaseOnly: lowercaseOnly) }
        guard let failure = result.failure else { return (nil, result.hasUppercase) }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        switch failure {
        case .empty: return (.empty, false)
        case .disallowedCharacter(let offset): return (.disallowedCharacter(text.unicodeScalars[index(offset)]), false)
        case .startsWithDigit: return (.startsWithDigit, false)
        case .emptyWord: return (.emptyWord, false)
        case .uppercase: return (.uppercase, false)
        case .mixedCase(let word):
            return (.mixedCase(word: String(text[index(word.lowerBound)..<index(word.upperBound)])), false)
        }
    }

    /// The label with its uppercase letters (its acronyms) lowercased: two labels in one scope
    /// must differ in more than this ("strongly unique").
    package static func lowercased(_ text: Substring) -> String {
        String(decoding: text.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private enum Failure {
        case empty, startsWithDigit, emptyWord, uppercase
        /// At this byte offset (a scalar boundary: every byte before it is ASCII).
        case disallowedCharacter(Int)
        /// The word's byte offsets.
        case mixedCase(Range<Int>)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, lowercaseOnly: Bool)
        -> (failure: Failure?, hasUppercase: Bool)
    {
        guard !bytes.isEmpty else { return (.empty, false) }
        var wordStart = 0
        var wordHasLowercase = false
        var wordHasUppercase = false
        var hasUppercase = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                wordHasLowercase = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if lowercaseOnly { return (.uppercase, true) }
                wordHasUppercase = true
                hasUppercase = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if index == 0 { return (.startsWithDigit, hasUppercase) }
            case UInt8(ascii: "-"):
                if index == wordStart { return (.emptyWord, hasUppercase) }
                wordStart = index + 1
                wordHasLowercase = false
                wordHasUppercase = false
            default:
                return (.disallowedCharacter(index), hasUppercase)
            }
            if wordHasLowercase, wordHasUppercase {
                let wordEnd = bytes[index...].firstIndex(of: UInt8(ascii: "-")) ?? bytes.count
                return (.mixedCase(wordStart..<wordEnd), hasUppercase)
            }
        }
        return (wordStart == bytes.count ? .emptyWord : nil, hasUppercase)
    }
}
