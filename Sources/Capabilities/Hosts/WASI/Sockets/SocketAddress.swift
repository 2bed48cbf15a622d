import WasmComponent

/// An IP socket address: what WASI passes as `ip-socket-address`, what the C library takes as a
/// `sockaddr`, and what a grant names (`127.0.0.1:8080`, `[::1]:8080`).
struct SocketAddress: Equatable, CustomStringConvertible {
    let family: SocketFamily
    /// The address in network byte order: 4 bytes for IPv4, 16 for IPv6.
    let bytes: [UInt8]
    let port: UInt16
    /// IPv6 only.
    var flowInfo: UInt32 = 0
    var scopeID: UInt32 = 0

    init(family: SocketFamily, bytes: [UInt8], port: UInt16, flowInfo: UInt32 = 0, scopeID: UInt32 = 0) {
        self.family = family
        self.bytes = bytes
        self.port = port
        self.flowInfo = flowInfo
        self.scopeID = scopeID
    }

    /// The wildcard address of a family with port 0 (an unbound socket's local address).
    static func unspecified(_ family: SocketFamily) -> SocketAddress {
        SocketAddress(family: family, bytes: [UInt8](repeating: 0, count: family.addressLength), port: 0)
    }

    // MARK: WASI values

    /// An `ip-socket-address` value; nil when it is not one.
    init?(_ value: ComponentValue) {
        guard case .variant(let name, let payload?) = value, case .record(let fields) = payload else { return nil }
        func field(_ name: String) -> ComponentValue? { fields.first { $0.name == name }?.value }
        guard case .u16(let port)? = field("port"), case .tuple(let parts)? = field("address") else { return nil }
        switch name {
        case "ipv4":
            var bytes: [UInt8] = []
            for part in parts {
                guard case .u8(let byte) = part else { return nil }
                bytes.append(byte)
            }
            guard bytes.count == 4 else { return nil }
            self.init(family: .ipv4, bytes: bytes, port: port)
        case "ipv6":
            guard case .u32(let flowInfo)? = field("flow-info"), case .u32(let scopeID)? = field("scope-id") else {
                return nil
            }
            var bytes: [UInt8] = []
            for part in parts {
                guard case .u16(let group) = part else { return nil }
                bytes += [UInt8(group >> 8), UInt8(group & 0xff)]
            }
            guard bytes.count == 16 else { return nil }
            self.init(family: .ipv6, bytes: bytes, port: port, flowInfo: flowInfo, scopeID: scopeID)
        default:
            return nil
        }
    }

    /// As an `ip-socket-address` value.
    var value: ComponentValue {
        switch family {
        case .ipv4:
            return .variant(
                caseName: "ipv4",
                payload: .record([
                    .init(name: "port", value: .u16(port)), .init(name: "address", value: addressTuple),
                ]))
        case .ipv6:
            return .variant(
                caseName: "ipv6",
                payload: .record([
                    .init(name: "port", value: .u16(port)), .init(name: "flow-info", value: .u32(flowInfo)),
                    .init(name: "address", value: addressTuple), .init(name: "scope-id", value: .u32(scopeID)),
                ]))
        }
    }

    /// The address alone as an `ip-address` value (what a name lookup gives).
    var ipAddressValue: ComponentValue { .variant(caseName: family.rawValue, payload: addressTuple) }

    private var addressTuple: ComponentValue {
        switch family {
        case .ipv4: return .tuple(bytes.map { .u8($0) })
        case .ipv6:
            return .tuple(stride(from: 0, to: 16, by: 2).map { .u16(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])) })
        }
    }

    // MARK: What the address is

    var isUnspecified: Bool { canonical.bytes.allSatisfy { $0 == 0 } }

    /// Multicast or (IPv4) broadcast: no TCP connection or bind may use it.
    var isMulticastOrBroadcast: Bool {
        let address = canonical
        switch address.family {
        case .ipv4: return address.bytes[0] & 0xf0 == 0xe0 || address.bytes.allSatisfy { $0 == 0xff }
        case .ipv6: return address.bytes[0] == 0xff
        }
    }

    /// `::ffff:a.b.c.d`.
    var isIPv4Mapped: Bool {
        family == .ipv6 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
    }

    /// `::a.b.c.d` (deprecated since 2006), other than `::` and `::1`.
    var isDeprecatedIPv4Compatible: Bool {
        family == .ipv6 && bytes[0..<12].allSatisfy { $0 == 0 } && !isUnspecified
            && bytes != [UInt8](repeating: 0, count: 15) + [1]
    }

    /// An IPv4-mapped IPv6 address as the IPv4 address it stands for; any other as it is.
    var canonical: SocketAddress {
        guard isIPv4Mapped else { return self }
        return SocketAddress(family: .ipv4, bytes: Array(bytes[12...]), port: port)
    }

    /// Whether a socket of `socketFamily` may use it, as wasmtime decides: the same family,
    /// and on IPv6 sockets neither mapped nor deprecated compatible IPv4 addresses.
    func suits(_ socketFamily: SocketFamily) -> Bool {
        family == socketFamily && !isIPv4Mapped && !isDeprecatedIPv4Compatible
    }

    /// What a peer must be: a real address and a real port.
    var isValidRemote: Bool { !isUnspecified && port != 0 }

    // MARK: Text and the policy

    /// The address without port, as the C library prints it (and as grants are written).
    var hostText: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let printed = bytes.withUnsafeBytes { raw in
            inet_ntop(family.systemValue, raw.baseAddress, &buffer, socklen_t(buffer.count))
        }
        guard printed != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    var description: String { family == .ipv6 ? "[\(hostText)]:\(port)" : "\(hostText):\(port)" }

    /// What the policy is asked for when this address is used for `use`.
    func request(_ use: SocketScope.Use) -> SocketRequest {
        SocketRequest(use: use, host: hostText, port: port)
    }
}
