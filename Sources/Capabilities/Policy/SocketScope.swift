/// What a socket grant lets a component reach: a use (connecting, binding, sending) and an
/// address, each part either exact or `*`. `tcp:connect 127.0.0.1:8080`, `udp:bind *:0`,
/// `tcp:connect [::1]:*`.
public struct SocketScope: Hashable, Sendable, CustomStringConvertible {
    public enum Use: String, Hashable, Sendable, CaseIterable {
        case tcpConnect = "tcp:connect"
        case tcpBind = "tcp:bind"
        case udpBind = "udp:bind"
        case udpSend = "udp:send"

        /// The interface whose calls make this use, without version.
        public var interface: String {
            switch self {
            case .tcpConnect, .tcpBind: "wasi:sockets/tcp"
            case .udpBind, .udpSend: "wasi:sockets/udp"
            }
        }
    }

    public let use: Use
    /// An IP address as text (IPv4 dotted, IPv6 without brackets), or nil for any.
    public let host: String?
    /// A port, or nil for any.
    public let port: UInt16?

    public init(use: Use, host: String?, port: UInt16?) {
        self.use = use
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:8080`, `[::1]:*`, `*:*` after `use`, or an error naming what is wrong.
    static func parse(use: Use, address text: String) throws(PolicyError) -> SocketScope {
        var hostText: Substring
        var portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw .invalidScope(text: text, problem: "an IPv6 address is written [ADDRESS]:PORT")
            }
            hostText = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw .invalidScope(text: text, problem: "an address is written HOST:PORT (each may be *)")
            }
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        let host: String?
        if hostText == "*" {
            host = nil
        } else {
            guard let address = IPAddress(String(hostText)) else {
                throw .invalidScope(text: text, problem: "'\(hostText)' is not an IP address (or *)")
            }
            host = address.description
        }
        let port: UInt16?
        if portText == "*" {
            port = nil
        } else {
            guard let number = UInt16(portText) else {
                throw .invalidScope(text: text, problem: "'\(portText)' is not a port from 0 to 65535 (or *)")
            }
            port = number
        }
        return SocketScope(use: use, host: host, port: port)
    }

    public var description: String {
        let hostText = host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "*"
        return "\(use.rawValue) \(hostText):\(port.map(String.init) ?? "*")"
    }

    func covers(_ request: SocketRequest) -> Bool {
        request.use == use && (host == nil || host == request.host) && (port == nil || port == request.port)
    }
}

/// One use of a socket a guest asks for.
public struct SocketRequest: Hashable, Sendable {
    public let use: SocketScope.Use
    public let host: String
    public let port: UInt16

    public init(use: SocketScope.Use, host: String, port: UInt16) {
        self.use = use
        self.host = host
        self.port = port
    }

    public var description: String { "\(use.rawValue) \(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// An IPv4 or IPv6 address, parsed by the C library and printed in its canonical form.
struct IPAddress: CustomStringConvertible {
    let description: String

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if inet_pton(AF_INET, text, &v4) == 1 {
            guard inet_ntop(AF_INET, &v4, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        } else {
            return nil
        }
        description = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
