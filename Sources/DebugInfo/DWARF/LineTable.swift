/// A line-number program of .debug_line, run: its header's directories and files, and the rows.
public struct LineTable: Sendable {
    public struct FileEntry: Hashable, Sendable {
        /// As written in the table (`debug.c`, or a path).
        public let name: String
        public let directoryIndex: UInt64
        /// comp_dir, the directory and the name joined (`./components/debug/debug.c`).
        public let path: String
        /// DWARF 5's DW_LNCT_MD5, when present.
        public let md5: [UInt8]?
    }

    /// Where the program starts in .debug_line.
    public let offset: UInt64
    public let version: Int
    public let minimumInstructionLength: Int
    public let maximumOperationsPerInstruction: Int
    public let defaultIsStatement: Bool
    public let lineBase: Int
    public let lineRange: Int
    public let opcodeBase: Int
    /// In the table's numbering: DWARF 5 counts from 0 (the compilation directory), DWARF 4
    /// from 1 (the first element here is directory 1).
    public let includeDirectories: [String]
    /// In the table's numbering, as `includeDirectories`.
    public let files: [FileEntry]
    /// In program order. Rows at tombstoned addresses (code the linker removed) are left out.
    public let rows: [LineRow]

    /// The file with number `index` in this table (rows' `file`).
    public func file(_ index: UInt64) -> FileEntry? {
        let first: UInt64 = version >= 5 ? 0 : 1
        guard index >= first, index - first < UInt64(files.count) else { return nil }
        return files[Int(index - first)]
    }
}
