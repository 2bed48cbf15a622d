/// The canonical options of one `canon lift` / `canon lower` that change how values are laid out.
///
/// Whether the function has a `memory` and a `realloc` is known by the ``CanonicalContext``
/// (it owns them); `post-return` is the engine layer's business.
package struct CanonicalOptions: Hashable, Sendable {
    package var stringEncoding: StringEncoding

    package init(stringEncoding: StringEncoding = .utf8) {
        self.stringEncoding = stringEncoding
    }
}
