/// The canonical options of one `canon lift` / `canon lower` that change how values are laid out.
///
/// Whether the function has a `memory` and a `realloc` is known by the ``CanonicalContext``
/// (it owns them); `post-return` is the engine layer's business.
public struct CanonicalOptions: Hashable, Sendable {
    public var stringEncoding: StringEncoding

    public init(stringEncoding: StringEncoding = .utf8) {
        self.stringEncoding = stringEncoding
    }
}
