/// The DWARF custom sections of a module (empty where the module has none).
struct DWARFSections: Sendable {
    var info = DWARFSection(name: ".debug_info")
    var abbrev = DWARFSection(name: ".debug_abbrev")
    var line = DWARFSection(name: ".debug_line")
    var str = DWARFSection(name: ".debug_str")
    var lineStr = DWARFSection(name: ".debug_line_str")
    var strOffsets = DWARFSection(name: ".debug_str_offsets")
    var addr = DWARFSection(name: ".debug_addr")
    var ranges = DWARFSection(name: ".debug_ranges")
    var rnglists = DWARFSection(name: ".debug_rnglists")
    var loc = DWARFSection(name: ".debug_loc")
    var loclists = DWARFSection(name: ".debug_loclists")

    /// Keeps a custom section if it is one of the above; a duplicate replaces nothing.
    mutating func keep(name: String, bytes: ArraySlice<UInt8>) {
        let keyPath: WritableKeyPath<DWARFSections, DWARFSection>
        switch name {
        case ".debug_info": keyPath = \.info
        case ".debug_abbrev": keyPath = \.abbrev
        case ".debug_line": keyPath = \.line
        case ".debug_str": keyPath = \.str
        case ".debug_line_str": keyPath = \.lineStr
        case ".debug_str_offsets": keyPath = \.strOffsets
        case ".debug_addr": keyPath = \.addr
        case ".debug_ranges": keyPath = \.ranges
        case ".debug_rnglists": keyPath = \.rnglists
        case ".debug_loc": keyPath = \.loc
        case ".debug_loclists": keyPath = \.loclists
        default: return
        }
        guard self[keyPath: keyPath].isEmpty else { return }
        self[keyPath: keyPath] = DWARFSection(name: name, bytes: Array(bytes))
    }
}
