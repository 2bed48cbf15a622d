/// Makes malformed components from well-formed ones: byte flips, interesting byte values
/// (LEB128 continuation bits, sign bits, type codes), truncations, insertions, deletions,
/// duplicated chunks, and splices of two components.
struct ComponentMutator {
    enum Kind: String, CaseIterable {
        case flip, interestingByte, truncate, insert, delete, duplicate, splice
        /// An edit inside one section (of the component, or of a core module or component
        /// nested in it) with the section sizes around it rewritten: the framing stays valid,
        /// so the edit reaches the code that reads the section.
        case editInSection
    }

    /// One mutant and how it was made, for the failure message.
    struct Mutant {
        var bytes: [UInt8]
        var kind: Kind
        var summary: String
    }

    static let interestingBytes: [UInt8] = [
        0x00, 0x01, 0x02, 0x3f, 0x40, 0x41, 0x7f, 0x80, 0xc0, 0xfe, 0xff, 0x60, 0x70, 0x72, 0x69, 0x68,
    ]

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
            bytes.insert(
                contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position)
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
        case .editInSection:
            guard let (edited, description) = editInSection(bytes) else { break }
            bytes = edited
            summary += description
        case .splice:
            let other = sources[Int.random(in: sources.indices, using: &generator)]
            let cut = Int.random(in: 8...bytes.count, using: &generator)
            let from = Int.random(in: 8..<other.bytes.count, using: &generator)
            bytes = Array(bytes[..<cut]) + other.bytes[from...]
            summary += " @\(cut) with \(other.name) from \(from)"
        }
        return Mutant(bytes: bytes, kind: kind, summary: summary)
    }

    /// Flips and single bytes are the most productive: they keep most of the structure, so the
    /// mutant gets past the parser; the others mostly test the parser.
    private mutating func pickKind() -> Kind {
        switch Int.random(in: 0..<100, using: &generator) {
        case 0..<35: return .flip
        case 35..<55: return .interestingByte
        case 55..<61: return .truncate
        case 61..<67: return .insert
        case 67..<73: return .delete
        case 73..<77: return .duplicate
        case 77..<85: return .splice
        default: return .editInSection
        }
    }

    private mutating func randomPosition(in bytes: [UInt8]) -> Int {
        Int.random(in: 0..<bytes.count, using: &generator)
    }

    /// One section of a component or module: its id, where it starts, and its contents.
    private struct Section {
        var id: UInt8
        var start: Int
        var contents: Range<Int>
    }

    /// The sections after the 8-byte preamble of the component or module in `range`, or nil
    /// when the framing is broken.
    private static func sections(of bytes: [UInt8], in range: Range<Int>) -> [Section]? {
        var position = range.lowerBound + 8
        guard position <= range.upperBound else { return nil }
        var sections: [Section] = []
        while position < range.upperBound {
            let start = position
            let id = bytes[position]
            position += 1
            var size = 0
            var shift = 0
            while true {
                guard position < range.upperBound, shift < 35 else { return nil }
                let byte = bytes[position]
                position += 1
                size |= Int(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            guard size <= range.upperBound - position else { return nil }
            sections.append(Section(id: id, start: start, contents: position..<(position + size)))
            position += size
        }
        return sections
    }

    private mutating func editInSection(_ bytes: [UInt8]) -> ([UInt8], String)? {
        guard let outer = Self.sections(of: bytes, in: 0..<bytes.count)?.randomElement(using: &generator) else {
            return nil
        }
        var path = [outer]
        // Core modules (1) and nested components (4) hold sections of their own.
        if outer.id == 1 || outer.id == 4, Bool.random(using: &generator),
            let inner = Self.sections(of: bytes, in: outer.contents)?.randomElement(using: &generator)
        {
            path.append(inner)
        }
        guard let innermost = path.last, !innermost.contents.isEmpty else { return nil }
        var contents = Array(bytes[innermost.contents])
        let position = Int.random(in: 0..<contents.count, using: &generator)
        let description: String
        switch Int.random(in: 0..<3, using: &generator) {
        case 0:
            contents[position] ^= UInt8.random(in: 1...255, using: &generator)
            description = " flip"
        case 1:
            contents.insert(Self.interestingBytes.randomElement(using: &generator) ?? 0, at: position)
            description = " insert"
        default:
            contents.remove(at: position)
            description = " delete"
        }
        // Rebuild from the innermost section outwards, each with its new size.
        var replacement = [innermost.id] + ComponentBytes.u32(contents.count) + contents
        if path.count == 2 {
            let outerContents =
                Array(bytes[outer.contents.lowerBound..<innermost.start]) + replacement
                + bytes[innermost.contents.upperBound..<outer.contents.upperBound]
            replacement = [outer.id] + ComponentBytes.u32(outerContents.count) + outerContents
        }
        let edited = Array(bytes[..<outer.start]) + replacement + bytes[outer.contents.upperBound...]
        return (
            edited,
            "\(description) in section \(path.map { String($0.id) }.joined(separator: "/")) @\(innermost.contents.lowerBound + position)"
        )
    }
}
