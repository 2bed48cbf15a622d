import WasmComponent

/// A path as it appears inside messages: in single quotes, with what a terminal could act on
/// escaped (a guest chooses paths, and messages end up on terminals), very long paths shortened
/// in the middle (`ControlCharacterEscaper.quoted`).
package struct QuotedPath: CustomStringConvertible, Sendable {
    let path: String

    package init(_ path: String) { self.path = path }

    package var description: String { ControlCharacterEscaper.quoted(path) }
}
