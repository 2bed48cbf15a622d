/// A box drawn over the panes until the next key.
enum InspectorOverlay: Equatable, Sendable {
    /// The key help (`?`).
    case help
    /// The last status message in full (`m`), for results and errors longer than a line.
    case message(String)
}
