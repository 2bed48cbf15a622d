/// Makes malformed components from well-formed ones: byte flips, interesting byte values
/// (LEB128 continuation bits, sign bits, type codes), truncations, insertions, deletions,
/// duplicated chunks, and splices of two components.
struct ComponentMutator {
    enum Kind: String, CaseIterable {
        case flip, interestingByte, truncate, insert, delete, duplicate, splice
    }

    /// One mutant and how it was made, for the failure message.
    struct Mutant {
        var bytes: [UInt8]
        var kind: Kind
        var summary: String
    }

    static let interestingBytes: [UInt8] = [0x00, 0x01, 0x02, 0x3f, 0x40, 0x41, 0x7f, 0x80, 0xc0, 0xfe, 0xff, 0x60, 0x70, 0x72, 0x69, 0x68]

    let sources: [(name: String, bytes: [UInt8])]
    var generator: SplitMix64

    init(sources: [(name: String, bytes: [UInt8])], seed: UInt64) {
        self.sources = sources
        self.generator = SplitMix64(seed: seed)
    }

    mutating func next() -> Mutant {
        let source = sources[Int.random(in: sources.indices, using: &generator)]
        var bytes = source.bytes
        let kind = pickKind()
        var summary = "\(kind.rawValue) of \(source.name)"
        switch kind {
        case .flip:
            let count = Int.random(in: 1...4, using: &generator)
            for _ in 0..<count {
                let position = randomPosition(in: bytes)
                bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
                summary += " @\(position)"
            }
        case .interestingByte:
            let position = randomPosition(in: bytes)
            bytes[position] = Self.interestingBytes.randomElement(using: &generator) ?? 0
            summary += " @\(position)"
        case .truncate:
            let length = Int.random(in: 0..<bytes.count, using: &generator)
            bytes.removeSubrange(length...)
            summary += " to \(length)"
        case .insert:
            let position = Int.random(in: 0...bytes.count, using: &generator)
            let count = Int.random(in: 1...16, using: &generator)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position)
            summary += " \(count) @\(position)"
        case .delete:
            let start = randomPosition(in: bytes)
            let end = min(bytes.count, start + Int.random(in: 1...32, using: &generator))
            bytes.removeSubrange(start..<end)
            summary += " \(start)..<\(end)"
        case .duplicate:
            let start = randomPosition(in: bytes)
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &generator))
            let target = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: bytes[start..<end], at: target)
            summary += " \(start)..<\(end) to \(target)"
        case .splice:
            let other = sources[Int.random(in: sources.indices, using: &generator)]
            let cut = Int.random(in: 8...bytes.count, using: &generator)
            let from = Int.random(in: 8..<other.bytes.count, using: &generator)
            bytes = Array(bytes[..<cut]) + other.bytes[from...]
            summary += " @\(cut) with \(other.name) from \(from)"
        }
        return Mutant(bytes: bytes, kind: kind, summary: summary)
    }

    /// Flips and single bytes are the most productive: they keep most of the structure.
    private mutating func pickKind() -> Kind {
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<35: return .flip
        case 35..<50: return .interestingByte
        case 50..<60: return .truncate
        case 60..<70: return .insert
        case 70..<78: return .delete
        case 78..<85: return .duplicate
        default: return .splice
        }
    }

    private mutating func randomPosition(in bytes: [UInt8]) -> Int {
        Int.random(in: 0..<bytes.count, using: &generator)
    }
}
