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
        let afterSlash = full.lastIndex(of: "/").map { full.index(after: $0) } ?? full.startIndex
        if let at = full[afterSlash...].firstIndex(of: "@") {
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
