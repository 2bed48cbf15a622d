/// A WAVE parse error: what went wrong and where.
///
/// `offset` counts characters (grapheme clusters, as a terminal shows them) from the start of the
/// text that was parsed, so a caller can point at the spot; `message` reads on its own.
public struct WAVEError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    /// Set for "expected T, found X" errors so a flattened `option`/`result` can restate them
    /// with the outer type; not part of the error's identity.
    var isTypeMismatch: Bool = false

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    init(message: String, offset: Int, isTypeMismatch: Bool) {
        self.message = message
        self.offset = offset
        self.isTypeMismatch = isTypeMismatch
    }

    public var description: String { message }

    /// The same error with its offset moved, for text that was cut out of a longer line
    /// (for example the arguments of a call, see `WAVECall.argumentsOffset`).
    public func shifted(by characters: Int) -> WAVEError {
        WAVEError(message: message, offset: offset + characters, isTypeMismatch: isTypeMismatch)
    }

    /// The same error with a prefix naming where it happened (`argument 2 (b): ...`).
    func prefixed(_ prefix: String) -> WAVEError {
        WAVEError(message: prefix + message, offset: offset, isTypeMismatch: isTypeMismatch)
    }

    public static func == (lhs: WAVEError, rhs: WAVEError) -> Bool {
        lhs.message == rhs.message && lhs.offset == rhs.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(offset)
    }
}
