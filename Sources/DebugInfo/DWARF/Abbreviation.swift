/// One abbreviation declaration of `.debug_abbrev`: a DIE's tag, whether it has children, and
/// the attributes (name, form, and the value of an implicit_const) its DIEs carry, in order.
struct Abbreviation: Sendable {
    struct Specification: Sendable {
        let attribute: DWARFAttribute
        let form: DWARFForm
        let implicitConstant: Int64?
    }

    let code: UInt64
    let tag: DWARFTag
    let hasChildren: Bool
    let specifications: [Specification]
}
