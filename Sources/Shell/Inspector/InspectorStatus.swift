/// The status line: what the last action did, or why it failed.
struct InspectorStatus: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// Guidance, nothing happened yet.
        case info
        /// A grant, revoke or call that worked.
        case success
        /// Something that failed; `message` has the reason.
        case failure
        /// A call in progress.
        case running
    }

    var kind: Kind
    /// The whole message; may have several lines (a trap's backtrace), `m` shows it all.
    var message: String

    /// The first line, for the one-line status; "…" says that there is more.
    var line: String {
        guard let newline = message.firstIndex(where: \.isNewline) else { return message }
        return String(message[..<newline]) + " …"
    }
}
