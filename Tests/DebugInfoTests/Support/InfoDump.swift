import Foundation

/// `llvm-dwarfdump --debug-info` output, parsed: every DIE's offset, depth, tag and attributes
/// (each attribute's text, continuation lines included).
struct InfoDump {
    struct Entry {
        var offset: UInt64
        var depth: Int
        var tag: String
        var attributes: [(name: String, value: String)] = []
        /// Index of the parent entry.
        var parent: Int?

        func value(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }

        /// `("sum_squares")` → `sum_squares`; `(0x00000037 "uint32_t")` → `uint32_t`.
        func quoted(_ name: String) -> String? {
            guard let text = value(name), let first = text.firstIndex(of: "\""), let last = text.lastIndex(of: "\""),
                first < last
            else { return nil }
            return String(text[text.index(after: first)..<last])
        }

        /// `(26)` → 26, `(0x0f)` → 15.
        func number(_ name: String) -> Int? {
            guard let text = value(name)?.trimmingCharacters(in: CharacterSet(charactersIn: "()")) else { return nil }
            return text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
        }
    }

    var entries: [Entry] = []

    init(_ text: String) {
        var open: [Int] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("0x"), let colon = line.firstIndex(of: ":"),
                line.contains("DW_TAG_") || line.hasSuffix("NULL")
            {
                guard let offset = UInt64(line[line.index(line.startIndex, offsetBy: 2)..<colon], radix: 16) else {
                    continue
                }
                let rest = line[line.index(after: colon)...]
                let spaces = rest.prefix { $0 == " " }.count
                let depth = (spaces - 1) / 2
                let tag = rest.trimmingCharacters(in: .whitespaces)
                while open.count > depth { open.removeLast() }
                if tag == "NULL" { continue }
                entries.append(Entry(offset: offset, depth: depth, tag: tag, parent: open.last))
                open.append(entries.count - 1)
                continue
            }
            guard !entries.isEmpty else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("DW_AT_"), let tab = trimmed.firstIndex(of: "\t") {
                let name = String(trimmed[..<tab])
                let value = String(trimmed[trimmed.index(after: tab)...])
                entries[entries.count - 1].attributes.append((name, value))
            } else if trimmed.hasPrefix("["), let last = entries.last?.attributes.last {
                entries[entries.count - 1].attributes[entries[entries.count - 1].attributes.count - 1] =
                    (last.name, last.value + "\n" + trimmed)
            }
        }
    }

    func entry(at offset: UInt64) -> Entry? {
        entries.first { $0.offset == offset }
    }

    /// The location attribute's expressions: one unranged expression, or `[start, end): expr`
    /// entries of a location list, as the dump writes them.
    static func locationEntries(_ value: String) -> [String] {
        let lines = value.split(separator: "\n").map(String.init)
        if lines.count == 1 {
            // `(DW_OP_fbreg +28)`
            return [String(value.dropFirst().dropLast())]
        }
        return lines.dropFirst().enumerated().map { index, line in
            index == lines.count - 2 ? String(line.dropLast()) : line
        }
    }
}
