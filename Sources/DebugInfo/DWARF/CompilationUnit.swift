/// A compilation unit: one source file as the compiler saw it.
public struct CompilationUnit: Sendable {
    /// Where its header starts in .debug_info.
    public let offset: UInt64
    /// The DWARF version of the unit (4 or 5 from clang).
    public let version: Int
    /// DW_AT_name: the main source file as given to the compiler (`components/debug/debug.c`).
    public let name: String?
    /// DW_AT_comp_dir: the directory the compiler ran in; relative file names are relative to it.
    public let compDir: String?
    public let producer: String?
    public let language: SourceLanguage?
    /// The code it covers.
    public let ranges: [Range<CodeOffset>]
}
