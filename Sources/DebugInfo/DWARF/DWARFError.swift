/// Why debug information could not be read: what is wrong, and where (the section and the
/// byte offset in it, as llvm-dwarfdump numbers them).
public struct DWARFError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// `.debug_info`, `.debug_line`, ... or `module` for the wasm module's own structure.
    public var section: String?
    public var offset: Int?

    public init(_ message: String, section: String? = nil, offset: Int? = nil) {
        self.message = message
        self.section = section
        self.offset = offset
    }

    public var description: String {
        switch (section, offset) {
        case (let section?, let offset?): return "\(message) (in \(section) at offset 0x\(String(offset, radix: 16)))"
        case (let section?, nil): return "\(message) (in \(section))"
        case (nil, let offset?): return "\(message) (at offset 0x\(String(offset, radix: 16)))"
        case (nil, nil): return message
        }
    }
}
