import CLibEdit

/// Lays completion candidates out in columns below the line, filled top to bottom then left
/// to right, as bash and ls do.
enum CandidateListLayout {
    static let columnGap = 2

    /// The lines to print for `items` on a terminal `width` columns wide.
    static func lines(for items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let widths = items.map(displayWidth)
        let columnWidth = (widths.max() ?? 0) + columnGap
        let columns = max(1, (max(width, 1) + columnGap) / columnWidth)
        let rows = (items.count + columns - 1) / columns
        var lines: [String] = []
        lines.reserveCapacity(rows)
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                let isLastInRow = (column + 1) * rows + row >= items.count
                line += items[index]
                if !isLastInRow {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Terminal columns `text` occupies: wide characters count two, combining marks none.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let columns = wcwidth(wchar_t(bitPattern: scalar.value))
            width += columns < 0 ? 1 : Int(columns)
        }
        return width
    }
}
