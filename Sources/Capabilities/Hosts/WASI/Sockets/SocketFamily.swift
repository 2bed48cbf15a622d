import WasmComponent

/// `wasi:sockets/network.ip-address-family`.
enum SocketFamily: String {
    case ipv4, ipv6

    /// The `ip-address-family` value; nil when it is not one.
    init?(_ value: ComponentValue) {
        guard case .enumCase(let name) = value, let family = SocketFamily(rawValue: name) else { return nil }
        self = family
    }

    var value: ComponentValue { .enumCase(rawValue) }

    /// `AF_INET` or `AF_INET6`.
    var systemValue: Int32 {
        switch self {
        case .ipv4: Int32(AF_INET)
        case .ipv6: Int32(AF_INET6)
        }
    }

    /// Bytes in an address of the family.
    var addressLength: Int { self == .ipv4 ? 4 : 16 }
}
