/// An offset from the first byte of a core module (its `\0asm` header is at 0), in the
/// module's original bytes as embedded in the component, before wasmsh rewrites it.
///
/// Not interchangeable with `CodeOffset`: convert only through `CodeSectionLayout`.
public struct ModuleOffset: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    public static func < (lhs: ModuleOffset, rhs: ModuleOffset) -> Bool {
        lhs.value < rhs.value
    }

    /// `module+0x116`.
    public var description: String { "module+0x" + String(value, radix: 16) }
}
