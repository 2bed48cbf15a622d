/// A unit's source language (DW_AT_language).
public struct SourceLanguage: Hashable, Sendable, CustomStringConvertible {
    /// The DW_LANG_* code.
    public let code: UInt64

    public init(code: UInt64) {
        self.code = code
    }

    /// `C11`, `C++14`, `Rust`, ... or `language 0x8001` for codes this reader does not name.
    public var description: String {
        switch code {
        case 0x01: "C89"
        case 0x02: "C"
        case 0x04: "C++"
        case 0x0c: "C99"
        case 0x1a: "C++11"
        case 0x1c: "Rust"
        case 0x1d: "C11"
        case 0x1e: "Swift"
        case 0x21: "C++14"
        case 0x2c: "C17"
        case 0x2b: "Zig"
        default: "language 0x" + String(code, radix: 16)
        }
    }
}
