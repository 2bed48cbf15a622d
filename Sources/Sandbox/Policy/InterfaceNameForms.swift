/// The parts of a component-model interface name: `ns:pkg/iface@1.2.3`, `ns:pkg/iface`, or the plain
/// name of an inline interface (`logger`).
struct InterfaceNameForms: Hashable, Sendable {
    /// The whole name as the component spells it.
    let full: String
    /// Without `@version`: `ns:pkg/iface`.
    let unversioned: Substring
    /// The interface alone: `iface`.
    let short: Substring
    /// The version after `@`, if any.
    let version: Substring?

    init(_ full: String) {
        self.full = full
        let afterSlash = full.lastIndex(of: "/").map { full.index(after: $0) } ?? full.startIndex
        if let at = full[afterSlash...].firstIndex(of: "@") {
            unversioned = full[..<at]
            short = full[afterSlash..<at]
            version = full[full.index(after: at)...]
        } else {
            unversioned = full[...]
            short = full[afterSlash...]
            version = nil
        }
    }

    /// Every spelling a user may use for this interface: the full name, the name without version,
    /// the short name, and the short name with version.
    var spellings: [String] {
        var forms = [full]
        if version != nil { forms.append(String(unversioned)) }
        if short != unversioned {
            forms.append(String(short))
            if let version { forms.append("\(short)@\(version)") }
        }
        return forms
    }
}
