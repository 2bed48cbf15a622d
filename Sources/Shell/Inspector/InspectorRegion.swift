/// A rectangle of the screen: its first row is the pane's title, the rest its lines.
struct InspectorRegion: Equatable, Sendable {
    var row: Int
    var column: Int
    var height: Int
    var width: Int

    /// Lines under the title.
    var bodyRows: Int { max(0, height - 1) }
}
