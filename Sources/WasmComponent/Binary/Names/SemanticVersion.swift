/// The version syntaxes of interface names (Explainer.md, "Import and Export Definitions"):
/// a `valid semver` of Semantic Versioning 2.0.0, and the 🔗 `canonversion` that a name carries
/// when a `versionsuffix` attribute holds the rest of the version.
package enum SemanticVersion {
    /// Semantic Versioning 2.0.0: `major.minor.patch`, then optionally `-pre.release` and
    /// `+build.metadata`; numbers without leading zeros; identifiers of 0-9, A-Z, a-z and '-'.
    /// Numbers must also fit in 64 bits, as in the Rust `semver` crate that wasm-tools uses.
    package static func isValid(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        let plus = utf8.firstIndex(of: UInt8(ascii: "+"))
        let beforeBuild = utf8[..<(plus ?? utf8.endIndex)]
        if let plus {
            let build = utf8[utf8.index(after: plus)...]
            guard identifiers(build, allowLeadingZeros: true) else { return false }
        }
        let dash = beforeBuild.firstIndex(of: UInt8(ascii: "-"))
        let core = beforeBuild[..<(dash ?? beforeBuild.endIndex)]
        if let dash {
            let prerelease = beforeBuild[beforeBuild.index(after: dash)...]
            guard identifiers(prerelease, allowLeadingZeros: false) else { return false }
        }
        let numbers = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return numbers.count == 3 && numbers.allSatisfy(isNumber)
    }

    /// `canonversion ::= [1-9] [0-9]* | '0.' [1-9] [0-9]* | '0.0.' [1-9] [0-9]* | '0.0.0'`
    package static func isCanonical(_ text: Substring) -> Bool {
        let numbers = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count), numbers.allSatisfy(isNumber) else { return false }
        let isZero = numbers.map { $0.elementsEqual("0".utf8) }
        // Every number but the last is 0, and the last is not, unless it is the third.
        return isZero.dropLast().allSatisfy { $0 } && (!isZero[isZero.count - 1] || numbers.count == 3)
    }

    /// `versionsuffix ::= [0-9A-Za-z.+-]*`
    package static func isSuffix(_ text: Substring) -> Bool {
        text.utf8.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isNumber(_ digits: Substring.UTF8View.SubSequence) -> Bool {
        guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy(isDigit) else { return false }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return false }
        return UInt64(String(decoding: digits, as: UTF8.self)) != nil
    }

    /// Dot-separated, non-empty identifiers of 0-9, A-Z, a-z and '-'; numeric ones (pre-release)
    /// without leading zeros.
    private static func identifiers(_ text: Substring.UTF8View.SubSequence, allowLeadingZeros: Bool) -> Bool {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                return false
            }
            if !allowLeadingZeros, part.allSatisfy(isDigit) {
                return part.count == 1 || part.first != UInt8(ascii: "0")
            }
            return true
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
