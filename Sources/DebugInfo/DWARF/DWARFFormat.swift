/// 32-bit or 64-bit DWARF: the size of section offsets in a unit.
enum DWARFFormat: Sendable, Equatable {
    case dwarf32
    case dwarf64

    var offsetSize: Int {
        switch self {
        case .dwarf32: 4
        case .dwarf64: 8
        }
    }
}
