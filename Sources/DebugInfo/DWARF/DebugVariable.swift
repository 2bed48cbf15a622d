/// A variable or formal parameter of a function (or a global), as the DWARF describes it.
public struct DebugVariable: Sendable {
    public let name: String?
    public let type: DebugTypeID?
    public let location: LocationDescription
    /// The declaration's file (joined path) and line.
    public let declFile: String?
    public let declLine: Int?
    public let isParameter: Bool
    /// Its DIE's offset in .debug_info.
    public let offset: UInt64
    /// The enclosing function's DW_AT_frame_base, which DW_OP_fbreg is relative to; nil for globals.
    public let frameBase: LocationDescription?
}
