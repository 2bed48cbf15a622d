/// A place in the source: a file path (the line table's directory and file name joined onto the
/// unit's comp_dir, as `wasm-tools addr2line` writes it), a line and a column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 0 for code the compiler attributes to no line.
    public let line: Int
    /// 0 when unknown.
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `./components/debug/debug.c:30:24`, or just the file when the line is 0.
    public var description: String {
        line == 0 ? file : "\(file):\(line):\(column)"
    }
}
