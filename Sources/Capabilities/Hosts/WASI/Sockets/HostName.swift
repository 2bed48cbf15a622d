/// What `resolve-addresses` is given, read as wasmtime reads it (the URL standard's host
/// parser): an IP address (IPv6 with or without brackets, IPv4 also in the URL standard's
/// short and hexadecimal forms such as `127.1`), or a domain name to look up.
enum HostName: Equatable {
    case address(SocketAddress)
    case name(String)

    /// DNS names are at most 253 characters; a longer one resolves to nothing.
    static let maximumLength = 253

    static func parse(_ text: String) -> Result<HostName, SocketErrorCode> {
        if let address = address(text, family: .ipv6) { return .success(.address(address)) }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]"), let address = address(String(text.dropFirst().dropLast()), family: .ipv6) else {
                return .failure(.invalidArgument)
            }
            return .success(.address(address))
        }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && !forbidden.contains($0) }) else {
            // Non-ASCII names would need IDNA (punycode), which wasmsh does not do.
            return .failure(text.utf8.contains { $0 >= 0x80 } ? .notSupported : .invalidArgument)
        }
        if let address = address(text, family: .ipv4) { return .success(.address(address)) }
        // The URL standard: a host whose last label is a number is an IPv4 address or invalid.
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let last = labels.last.flatMap { $0.isEmpty && labels.count > 1 ? labels.dropLast().last : $0 } ?? ""
        if isNumber(last) {
            var parsed = in_addr()
            // The standard drops one trailing dot; inet_aton would not.
            let number = text.hasSuffix(".") ? String(text.dropLast()) : text
            guard inet_aton(number, &parsed) != 0 else { return .failure(.invalidArgument) }
            let bytes = withUnsafeBytes(of: parsed) { Array($0) }
            return .success(.address(SocketAddress(family: .ipv4, bytes: bytes, port: 0)))
        }
        guard text.utf8.count <= maximumLength else { return .failure(.nameUnresolvable) }
        return .success(.name(text))
    }

    /// The URL standard's forbidden host code points (besides controls and space): `#%/:<>?@[\]^|`.
    private static let forbidden = Set("#%/:<>?@[\\]^|".utf8)

    private static func isNumber(_ label: Substring) -> Bool {
        if label.hasPrefix("0x") || label.hasPrefix("0X") {
            return label.dropFirst(2).allSatisfy(\.isHexDigit)
        }
        return !label.isEmpty && label.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func address(_ text: String, family: SocketFamily) -> SocketAddress? {
        var bytes = [UInt8](repeating: 0, count: family.addressLength)
        guard bytes.withUnsafeMutableBytes({ inet_pton(family.systemValue, text, $0.baseAddress) }) == 1 else {
            return nil
        }
        return SocketAddress(family: family, bytes: bytes, port: 0)
    }
}
