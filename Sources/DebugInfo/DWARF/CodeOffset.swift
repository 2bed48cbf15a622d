/// An offset from the start of the Code section's payload (the byte after the section's size,
/// where the function count is): how DWARF for WebAssembly addresses code. `DW_AT_low_pc`,
/// line-table rows and location-list ranges are code offsets, and so are the addresses
/// `wasm-tools addr2line --code-section-relative` takes.
///
/// Not interchangeable with `ModuleOffset`: convert only through `CodeSectionLayout`.
public struct CodeOffset: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    public static func < (lhs: CodeOffset, rhs: CodeOffset) -> Bool {
        lhs.value < rhs.value
    }

    /// `code+0x20`: the prefix keeps code offsets from being mistaken for module offsets.
    public var description: String { "code+0x" + String(value, radix: 16) }
}
