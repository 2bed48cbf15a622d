/// The layout of `flags`: a bit vector, bit `i` for the `i`-th flag. Up to 32 flags fit in the
/// smallest integer that holds them (1, 2 or 4 bytes, one `i32` flat); beyond 32 (allowed by
/// earlier revisions of the spec, rejected by the current one) one `u32` per 32 flags.
final class FlagsLayout: Sendable {
    let names: [String]
    /// Bytes in memory: 1, 2, 4, or 4 per 32 flags.
    let byteSize: Int
    /// `i32`s when flat.
    let wordCount: Int
    private let indexByName: [String: Int]

    init(names: [String]) {
        self.names = names
        let count = names.count
        if count == 0 {
            byteSize = 0
        } else if count <= 8 {
            byteSize = 1
        } else if count <= 16 {
            byteSize = 2
        } else {
            byteSize = 4 * ((count + 31) / 32)
        }
        wordCount = (count + 31) / 32
        indexByName = Dictionary(
            names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    var alignment: Int { min(max(byteSize, 1), 4) }

    func index(ofFlag name: String) -> Int? {
        indexByName[name]
    }

    /// The bits of word `word` that name no flag.
    func unknownBitsMask(word: Int) -> UInt32 {
        let flagsInWord = min(32, names.count - word * 32)
        if flagsInWord >= 32 { return 0 }
        if flagsInWord <= 0 { return .max }
        return ~((UInt32(1) << UInt32(flagsInWord)) - 1)
    }

    /// The names of the set bits of `word`, appended in declaration order. Throws on unknown bits.
    func appendNames(ofWord bits: UInt32, word: Int, to names: inout [String], type: ValueType) throws {
        let unknown = bits & unknownBitsMask(word: word)
        if unknown != 0 {
            let shifted = String(unknown, radix: 16) + String(repeating: "00000000", count: word)
            throw CanonicalABIError(
                kind: .unknownFlags,
                message: "unknown flag bits 0x\(shifted) for \(TypeNaming.describe(type))"
            )
        }
        var remaining = bits
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            names.append(self.names[word * 32 + bit])
            remaining &= remaining - 1
        }
    }

    /// Bit `i` set for each named flag, one `u32` per word; unknown names throw.
    func word(_ word: Int, of flags: [String], type: ValueType) throws -> UInt32 {
        var bits: UInt32 = 0
        for name in flags {
            guard let index = indexByName[name] else {
                throw CanonicalABIError.typeMismatch("\(TypeNaming.describe(type)) has no flag `\(name)`")
            }
            if index / 32 == word { bits |= UInt32(1) << UInt32(index % 32) }
        }
        return bits
    }
}
