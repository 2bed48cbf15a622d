/// The names closest to one a user mistyped, for "did you mean" answers: commands, components,
/// exports, imported interfaces, enum and variant cases all use this one rule, so they suggest
/// alike.
///
/// The rule: compared without regard to case, a name is close when it, or its last part (after
/// `.`, `/`, `#` or `]`, without any `@version`: `echo-u8` of `echo.echo-u8`), is a few edits
/// away (insert, delete, replace, swap two neighbours: one edit for every four characters typed,
/// at least one); less close when it starts with what was typed, least when it contains it. The
/// best few are kept, in that order, then in the order the names were given.
public enum Suggestions {
    /// Longer names and typed text are compared on this many characters only: what a component
    /// supplies may be anything, and the comparison is quadratic in the length.
    static let comparedLength = 64

    /// At most `limit` names of `names` close to `typed`, best first; empty when none is close.
    public static func closest(to typed: String, among names: [String], limit: Int = 3) -> [String] {
        let typedWhole = Array(String(typed.prefix(comparedLength)).lowercased())
        guard !typedWhole.isEmpty, limit > 0 else { return [] }
        // `clock@0.2.0` is also compared without its version.
        var typedForms = [typedWhole]
        if let at = typedWhole.firstIndex(of: "@"), at > 0 { typedForms.append(Array(typedWhole[..<at])) }
        var scored: [(score: Int, index: Int)] = []
        for (index, name) in names.enumerated() {
            var best: Int?
            for wanted in typedForms {
                let edits = max(1, wanted.count / 4)
                for part in parts(of: name) {
                    guard let score = score(part, wanted: wanted, edits: edits) else { continue }
                    best = min(best ?? score, score)
                }
            }
            if let best { scored.append((best, index)) }
        }
        guard let top = scored.map(\.score).min() else { return [] }
        // Names much worse than the best are noise next to it.
        let kept = scored.filter { $0.score <= top + 1 }.sorted { ($0.score, $0.index) < ($1.score, $1.index) }
        var seen: Set<String> = []
        return kept.map { names[$0.index] }.filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// `'load'`, `'add' or 'sum'`, `'a', 'b' or 'c'`.
    public static func quoted(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + " or " + last
    }

    /// `did you mean 'load'?` for the names closest to `typed`, or nil when none is close.
    public static func didYouMean(_ typed: String, among names: [String]) -> String? {
        let closest = closest(to: typed, among: names)
        return closest.isEmpty ? nil : "did you mean \(quoted(closest))?"
    }

    /// The whole name, its last part and that part without `@version`, lowercased and cut to
    /// `comparedLength`.
    private static func parts(of name: String) -> [[Character]] {
        let whole = Array(String(name.prefix(comparedLength)).lowercased())
        var parts = [whole]
        if let separator = whole.lastIndex(where: { ".#/]".contains($0) }), separator + 1 < whole.count {
            parts.append(Array(whole[(separator + 1)...]))
        }
        if let last = parts.last, let at = last.firstIndex(of: "@"), at > 0 { parts.append(Array(last[..<at])) }
        return parts
    }

    /// Lower is closer; nil: not close at all.
    private static func score(_ part: [Character], wanted: [Character], edits: Int) -> Int? {
        // An edit distance as long as a name is no likeness (`z` and `x`).
        if let distance = distance(part, wanted, atMost: edits), distance < wanted.count, distance < part.count {
            return distance
        }
        if wanted.count >= 2, part.starts(with: wanted) { return edits + 1 }
        if wanted.count >= 3, contains(part, wanted) { return edits + 2 }
        return nil
    }

    /// The optimal string alignment distance (Levenshtein with swaps of neighbours), or nil when
    /// it is more than `limit`.
    static func distance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            // Every later row is at least this row's best: stop once it is past the limit.
            if rowBest > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    private static func contains(_ text: [Character], _ part: [Character]) -> Bool {
        guard part.count <= text.count else { return false }
        for start in 0...(text.count - part.count) where text[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }
}
