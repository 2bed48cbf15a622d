/// The `string-encoding` canonical option: how the guest represents strings in its memory.
package enum StringEncoding: Hashable, Sendable, CustomStringConvertible {
    /// `string-encoding=utf8`: length counts bytes.
    case utf8
    /// `string-encoding=utf16`: little-endian code units, 2-byte aligned, length counts code units.
    case utf16
    /// `string-encoding=latin1+utf16`: Latin-1 bytes, or UTF-16 code units when the length has
    /// the tag bit `1 << 31` set; 2-byte aligned either way.
    case latin1UTF16

    package var description: String {
        switch self {
        case .utf8: return "utf8"
        case .utf16: return "utf16"
        case .latin1UTF16: return "latin1+utf16"
        }
    }
}
