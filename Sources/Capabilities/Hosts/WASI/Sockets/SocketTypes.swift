/// The types of `wasi:sockets` as `WITPrinter.structuralSignature` spells them, for the hosts'
/// signatures.
enum SocketTypes {
    static let errorCode =
        "enum { " + SocketErrorCode.allCases.map(\.rawValue).joined(separator: ", ") + " }"
    static let family = "enum { ipv4, ipv6 }"
    static let socketAddress =
        "variant { ipv4(record { port: u16, address: tuple<u8, u8, u8, u8> }), ipv6(record { port: u16, "
        + "flow-info: u32, address: tuple<u16, u16, u16, u16, u16, u16, u16, u16>, scope-id: u32 }) }"
    static let address = "variant { ipv4(tuple<u8, u8, u8, u8>), ipv6(tuple<u16, u16, u16, u16, u16, u16, u16, u16>) }"
    static let shutdownType = "enum { receive, send, both }"

    /// `result<OK, error-code>`; `_` for no value.
    static func result(_ ok: String = "_") -> String { "result<\(ok), \(errorCode)>" }
}
