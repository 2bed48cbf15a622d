/// The parts of a component-model interface name: `ns:pkg/iface@1.2.3`, `ns:pkg/iface`, or the
/// plain name of an inline interface (`logger`).
public struct InterfaceName: Hashable, Sendable {
    /// The whole name as the component spells it.
    public let full: String
    /// Without `@version`: `ns:pkg/iface`.
    public let unversioned: String
    /// The interface alone: `iface`, what the user types in `grant C filesystem`.
    public let short: String
    /// The version after `@`, if any.
    public let version: String?

    public init(_ full: String) {
        self.full = full
        // Searched among the UTF-8 bytes, not the characters (a load names every exported
        // interface, and a character search was 5k instructions a name): `/` and `@` are ASCII,
        // and an ASCII byte is never part of another character's encoding.
        let bytes = full.utf8
        let afterSlash = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        if let at = bytes[afterSlash...].firstIndex(of: UInt8(ascii: "@")) {
            unversioned = String(full[..<at])
            short = String(full[afterSlash..<at])
            version = String(full[full.index(after: at)...])
        } else {
            unversioned = full
            short = String(full[afterSlash...])
            version = nil
        }
    }

    /// Every spelling a user may use for this interface: the full name, the name without version,
    /// the short name, and the short name with version.
    public var spellings: [String] {
        var forms = [full]
        if version != nil { forms.append(unversioned) }
        if short != unversioned {
            forms.append(short)
            if let version { forms.append("\(short)@\(version)") }
        }
        return forms
    }
}
