/// A function with code (a DW_TAG_subprogram with addresses).
public struct DebugFunction: Sendable {
    /// The C name (DW_AT_name).
    public let name: String?
    /// The symbol name when it differs (C++ mangling, Rust).
    public let linkageName: String?
    /// The code it occupies; usually one range, the function's body.
    public let ranges: [Range<CodeOffset>]
    public let declFile: String?
    public let declLine: Int?
    public let returnType: DebugTypeID?
    public let isExternal: Bool
    /// DW_AT_frame_base: at -O0 clang names a wasm local holding the frame pointer.
    public let frameBase: LocationDescription?
    /// The function's body: parameters, locals, and nested blocks and inlined calls.
    public let scope: DebugScope
    /// The index of its unit in `DWARFDebugInfo.units`.
    public let unitIndex: Int
    /// Its DIE's offset in .debug_info.
    public let offset: UInt64

    /// Where the function starts (its low_pc): the first byte of its body's local declarations.
    public var entry: CodeOffset? { ranges.map(\.lowerBound).min() }

    public var parameters: [DebugVariable] { scope.variables.filter(\.isParameter) }

    public func contains(_ offset: CodeOffset) -> Bool {
        ranges.contains { $0.contains(offset) }
    }
}
