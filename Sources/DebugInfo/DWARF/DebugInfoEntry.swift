/// One DIE (debugging information entry) of a unit, with its attributes as encoded.
struct DebugInfoEntry: Sendable {
    struct Attribute: Sendable {
        let name: DWARFAttribute
        let value: AttributeValue
    }

    /// Its offset in .debug_info (what references point to).
    let offset: UInt64
    let tag: DWARFTag
    let attributes: [Attribute]
    /// Its parent's index in the unit's entries.
    let parent: Int?
    /// The index just past its last descendant: its subtree is `index..<subtreeEnd`.
    var subtreeEnd: Int

    subscript(name: DWARFAttribute) -> AttributeValue? {
        attributes.first { $0.name == name }?.value
    }
}
