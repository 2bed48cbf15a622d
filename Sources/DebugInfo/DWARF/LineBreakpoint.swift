/// Where `break FILE:LINE` stops: the code of the line, or of the next line that has code.
public struct LineBreakpoint: Hashable, Sendable {
    /// The source file, as the line table names it (`./components/debug/debug.c`).
    public let file: String
    /// The line asked for.
    public let requestedLine: Int
    /// The line chosen: the requested one when it has code, else the next line that has.
    public let line: Int
    /// The statement addresses of that line, ascending; more than one when the line's code is
    /// in several places (a `for` line: its initialization, and its increment).
    public let addresses: [CodeOffset]

    /// Whether the breakpoint moved to a later line because the requested one has no code.
    public var moved: Bool { line != requestedLine }
}
