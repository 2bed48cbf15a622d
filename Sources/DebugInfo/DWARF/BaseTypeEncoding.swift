/// How a base type's bytes encode its value (DW_ATE_*).
public struct BaseTypeEncoding: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static let address = BaseTypeEncoding(rawValue: 0x01)
    public static let boolean = BaseTypeEncoding(rawValue: 0x02)
    public static let complexFloat = BaseTypeEncoding(rawValue: 0x03)
    public static let float = BaseTypeEncoding(rawValue: 0x04)
    public static let signed = BaseTypeEncoding(rawValue: 0x05)
    public static let signedChar = BaseTypeEncoding(rawValue: 0x06)
    public static let unsigned = BaseTypeEncoding(rawValue: 0x07)
    public static let unsignedChar = BaseTypeEncoding(rawValue: 0x08)
    public static let utf = BaseTypeEncoding(rawValue: 0x10)

    /// Whether values are two's complement signed.
    public var isSigned: Bool { self == .signed || self == .signedChar }
}
