/// A run of line-table rows for contiguous code, from its first row's address up to (not
/// including) its end_sequence row's address: the unit address lookups search.
struct LineSequence: Sendable {
    let start: CodeOffset
    let end: CodeOffset
    /// Index into `DWARFDebugInfo.lineTables`.
    let table: Int
    /// Sorted by address, stable: of rows at one address, the last in the program wins.
    let rows: [LineRow]

    /// Splits a table's rows into sequences; rows not closed by an end_sequence are left out.
    static func sequences(of table: LineTable, index: Int) -> [LineSequence] {
        var result: [LineSequence] = []
        var current: [LineRow] = []
        for row in table.rows {
            guard row.isEndSequence else {
                current.append(row)
                continue
            }
            let sorted = current.enumerated().sorted {
                ($0.element.address, $0.offset) < ($1.element.address, $1.offset)
            }
            .map(\.element)
            if let first = sorted.first, first.address < row.address {
                result.append(LineSequence(start: first.address, end: row.address, table: index, rows: sorted))
            }
            current = []
        }
        return result
    }

    /// The row that describes `offset`: the last one at the greatest address not after it.
    func row(at offset: CodeOffset) -> LineRow? {
        guard offset >= start, offset < end else { return nil }
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].address <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? rows[low - 1] : nil
    }
}
