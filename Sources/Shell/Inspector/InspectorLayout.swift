/// Where everything goes on a screen of a given size:
///
///     title
///     components │ imports
///                │ exports
///     audit      │ output
///     status or argument prompt
///     key help
///
/// While a stepped call runs, the stepper pane takes the whole upper area (components,
/// imports and exports): its headline and backtrace frames want the width.
struct InspectorLayout: Equatable, Sendable {
    static let minimumRows = 12
    static let minimumColumns = 40

    var rows: Int
    var columns: Int
    var components: InspectorRegion
    var imports: InspectorRegion
    var exports: InspectorRegion
    var audit: InspectorRegion
    /// Beside the audit pane, narrower: guests' lines are short, audit lines long.
    var output: InspectorRegion
    var stepper: InspectorRegion
    /// The column of the line between the components and the right-hand panes.
    var separatorColumn: Int
    /// The column of the line between the audit and output panes.
    var lowerSeparatorColumn: Int

    var statusRow: Int { rows - 2 }
    var helpRow: Int { rows - 1 }

    /// Below the minimum size only a "too small" notice and the key help are drawn.
    var isTooSmall: Bool { rows < Self.minimumRows || columns < Self.minimumColumns }

    /// - Parameter longestName: the longest component name, to size the left pane.
    init(rows: Int, columns: Int, longestName: Int) {
        self.rows = rows
        self.columns = columns
        let available = max(0, rows - 3)  // less title, status and help
        let auditHeight = max(3, available / 3)
        let upperHeight = max(0, available - auditHeight)
        let leftWidth = min(max(longestName + 4, 14), max(14, columns / 3))
        separatorColumn = leftWidth
        let rightColumn = leftWidth + 2
        let rightWidth = max(0, columns - rightColumn)
        let importsHeight = upperHeight / 2
        components = InspectorRegion(row: 1, column: 0, height: upperHeight, width: leftWidth)
        imports = InspectorRegion(row: 1, column: rightColumn, height: importsHeight, width: rightWidth)
        exports = InspectorRegion(
            row: 1 + importsHeight, column: rightColumn, height: upperHeight - importsHeight, width: rightWidth)
        let outputWidth = max(16, columns * 2 / 5)
        lowerSeparatorColumn = max(0, columns - outputWidth - 1)
        audit = InspectorRegion(row: 1 + upperHeight, column: 0, height: auditHeight, width: lowerSeparatorColumn)
        output = InspectorRegion(
            row: 1 + upperHeight, column: lowerSeparatorColumn + 1, height: auditHeight,
            width: max(0, columns - lowerSeparatorColumn - 1))
        stepper = InspectorRegion(row: 1, column: 0, height: upperHeight, width: columns)
    }

    func region(of pane: InspectorPane) -> InspectorRegion {
        switch pane {
        case .components: return components
        case .imports: return imports
        case .exports: return exports
        case .audit: return audit
        case .output: return output
        }
    }
}
