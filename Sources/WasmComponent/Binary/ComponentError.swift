/// Why a component could not be read or linked: what went wrong and where (section, byte offset).
public struct ComponentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Byte offset into the file where the problem was found.
    public var offset: Int
    /// The section being read, e.g. "type section", when known.
    public var section: String?

    public init(_ message: String, offset: Int, section: String? = nil) {
        self.message = message
        self.offset = offset
        self.section = section
    }

    public var description: String {
        let hex = "0x" + String(offset, radix: 16)
        if let section { return "\(message) (in \(section), at byte offset \(hex))" }
        return "\(message) (at byte offset \(hex))"
    }
}
