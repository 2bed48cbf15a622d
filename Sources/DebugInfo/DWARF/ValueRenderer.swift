/// Shows a value of a DWARF type given its bytes, the way C programmers read it:
/// `-2`, `4294967295`, `1.5`, `true`, `'a' (97)`, `(struct point *) 0x11008`, `{x = 1, y = 2}`,
/// `AXIS_BOTH`, `{0, 1, 4, 9}`, `"segment"`.
public struct ValueRenderer: Sendable {
    public let types: DebugTypeTable
    public let options: ValueRenderOptions

    public init(types: DebugTypeTable, options: ValueRenderOptions = ValueRenderOptions()) {
        self.types = types
        self.options = options
    }

    /// Renders `bytes` as a value of `type`. With `memory`, a `char *` also shows the string it
    /// points to. Bytes missing for part of the value show as `<unavailable>`.
    public func render(_ bytes: [UInt8], as type: DebugTypeID?, memory: (any WasmFrameReader)? = nil) -> String {
        var budget = options.maximumValues
        return render(bytes[...], type, depth: 0, memory: memory, budget: &budget)
    }

    private func render(
        _ bytes: ArraySlice<UInt8>, _ id: DebugTypeID?, depth: Int, memory: (any WasmFrameReader)?, budget: inout Int
    ) -> String {
        budget -= 1
        guard budget >= 0 else { return "..." }
        guard let type = types.resolved(id) else { return id == nil ? "<void>" : "<unknown type>" }
        let size = types.byteSize(of: type.id)
        if let size, bytes.count < size { return "<unavailable>" }
        switch type.kind {
        case .base(_, let encoding, let size):
            return Self.base(Array(bytes.prefix(size)), encoding: encoding)
        case .pointer(let pointee, let size), .reference(let pointee, let size, _):
            let address = LocationEvaluator.littleEndian(Array(bytes.prefix(size)))
            var text = "(\(types.name(of: type.id))) 0x" + String(address, radix: 16)
            if let memory, address != 0, isCharacter(pointee), let string = cString(at: address, memory: memory) {
                text += " " + string
            }
            return text
        case .enumeration(_, let underlying, let declaredSize, let enumerators):
            let width = min(declaredSize ?? types.byteSize(of: underlying) ?? bytes.count, 8)
            let value = Array(bytes.prefix(width))
            let bits = LocationEvaluator.littleEndian(value)
            let match = enumerators.first { Self.truncated(UInt64(bitPattern: $0.value), width) == bits }
            if let match { return match.name }
            return Self.integerText(value, signed: types.resolved(underlying).map(Self.isSigned) ?? false)
        case .composite(_, _, _, let members, let isDeclaration):
            if isDeclaration { return "<incomplete type>" }
            guard depth < options.maximumDepth else { return "{...}" }
            var fields: [String] = []
            for member in members {
                guard budget > 0 else {
                    fields.append("...")
                    break
                }
                let value = renderMember(member, in: bytes, depth: depth, memory: memory, budget: &budget)
                fields.append(member.name.map { "\($0) = \(value)" } ?? value)
            }
            return "{" + fields.joined(separator: ", ") + "}"
        case .array(let element, let counts):
            return renderArray(
                bytes, element: element, counts: counts[...], depth: depth, memory: memory, budget: &budget)
        case .function:
            return "<function>"
        case .unspecified, .typedef, .qualified:
            return "<unknown>"
        }
    }

    private func renderMember(
        _ member: DebugType.Member, in bytes: ArraySlice<UInt8>, depth: Int, memory: (any WasmFrameReader)?,
        budget: inout Int
    ) -> String {
        if let bitSize = member.bitSize {
            let bitOffset = member.bitOffset ?? member.byteOffset * 8
            guard bitSize > 0, bitSize <= 64, bitOffset >= 0, bitOffset <= bytes.count * 8 - bitSize else {
                return "<unavailable>"
            }
            var value: UInt64 = 0
            for bit in 0..<bitSize {
                let position = bitOffset + bit
                let byte = bytes[bytes.startIndex + position / 8]
                value |= UInt64((byte >> UInt8(position % 8)) & 1) << UInt64(bit)
            }
            let signed = types.resolved(member.type).map(Self.isSigned) ?? false
            if signed, bitSize < 64, value >> UInt64(bitSize - 1) & 1 == 1 {
                return String(Int64(bitPattern: value | (UInt64.max << UInt64(bitSize))))
            }
            return String(value)
        }
        let size = types.byteSize(of: member.type) ?? 0
        guard member.byteOffset >= 0, member.byteOffset <= bytes.count - size else { return "<unavailable>" }
        let start = bytes.startIndex + member.byteOffset
        return render(bytes[start..<start + size], member.type, depth: depth + 1, memory: memory, budget: &budget)
    }

    private func renderArray(
        _ bytes: ArraySlice<UInt8>, element: DebugTypeID?, counts: ArraySlice<Int?>, depth: Int,
        memory: (any WasmFrameReader)?, budget: inout Int
    ) -> String {
        guard let first = counts.first else {
            return render(bytes, element, depth: depth, memory: memory, budget: &budget)
        }
        guard let count = first else { return "<unknown length>" }
        let inner = counts.dropFirst()
        var stride = types.byteSize(of: element) ?? 0
        for dimension in inner {
            guard let dimension else { return "<unknown length>" }
            let (product, overflow) = stride.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return "<unavailable>" }
            stride = product
        }
        if inner.isEmpty, isCharacter(element), stride == 1 {
            return Self.quoted(Array(bytes.prefix(count).prefix { $0 != 0 }.prefix(options.maximumStringBytes)))
        }
        guard depth < options.maximumDepth else { return "{...}" }
        var elements: [String] = []
        let shown = min(count, options.maximumElements)
        for index in 0..<shown {
            guard budget > 0 else { break }
            let (offset, overflow) = index.multipliedReportingOverflow(by: stride)
            guard stride > 0, !overflow, offset <= bytes.count - stride else {
                elements.append("<unavailable>")
                break
            }
            let start = bytes.startIndex + offset
            elements.append(
                renderArray(
                    bytes[start..<start + stride], element: element, counts: inner, depth: depth + 1, memory: memory,
                    budget: &budget))
        }
        if elements.count < count { elements.append("... (\(count - elements.count) more)") }
        return "{" + elements.joined(separator: ", ") + "}"
    }

    private func isCharacter(_ id: DebugTypeID?) -> Bool {
        guard let type = types.resolved(id), case .base(_, let encoding, let size) = type.kind, size == 1 else {
            return false
        }
        return encoding == .signedChar || encoding == .unsignedChar
    }

    private func cString(at address: UInt64, memory: any WasmFrameReader) -> String? {
        var bytes: [UInt8] = []
        // Byte by byte: the string may end just before the end of memory.
        for index in 0..<options.maximumStringBytes {
            guard let byte = try? memory.memory(at: address &+ UInt64(index), count: 1).first else {
                return bytes.isEmpty ? nil : Self.quoted(bytes) + "..."
            }
            if byte == 0 { return Self.quoted(bytes) }
            bytes.append(byte)
        }
        return Self.quoted(bytes) + "..."
    }

    private static func isSigned(_ type: DebugType) -> Bool {
        if case .base(_, let encoding, _) = type.kind { return encoding.isSigned }
        return false
    }

    private static func base(_ bytes: [UInt8], encoding: BaseTypeEncoding) -> String {
        switch encoding {
        case .boolean:
            let value = LocationEvaluator.littleEndian(bytes)
            return value == 0 ? "false" : value == 1 ? "true" : "true (\(value))"
        case .float where bytes.count == 4:
            return String(Float(bitPattern: UInt32(LocationEvaluator.littleEndian(bytes))))
        case .float where bytes.count == 8:
            return String(Double(bitPattern: LocationEvaluator.littleEndian(bytes)))
        case .signedChar, .unsignedChar:
            return "\(quotedCharacter(bytes.first ?? 0)) (\(integerText(bytes, signed: encoding == .signedChar)))"
        case .utf where bytes.count <= 4:
            let value = UInt32(LocationEvaluator.littleEndian(bytes))
            let scalar = Unicode.Scalar(value).map { "'\(String($0))' " } ?? ""
            return "\(scalar)U+" + String(value, radix: 16, uppercase: true)
        case .signed where bytes.count <= 8, .unsigned where bytes.count <= 8:
            return integerText(bytes, signed: encoding == .signed)
        default:
            return "0x" + bytes.reversed().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// Little-endian `bytes` (at most 8) as a decimal integer, signed or unsigned.
    private static func integerText(_ bytes: [UInt8], signed: Bool) -> String {
        let bits = LocationEvaluator.littleEndian(bytes)
        guard signed, !bytes.isEmpty else { return String(bits) }
        let shift = UInt64(64 - 8 * min(bytes.count, 8))
        return String(Int64(bitPattern: bits << shift) >> Int64(shift))
    }

    /// The low `width` bytes of a value.
    private static func truncated(_ bits: UInt64, _ width: Int) -> UInt64 {
        width >= 8 ? bits : bits & ((1 << UInt64(8 * width)) - 1)
    }

    static func quotedCharacter(_ byte: UInt8) -> String {
        "'" + escaped(byte, quote: "'") + "'"
    }

    static func quoted(_ bytes: [UInt8]) -> String {
        "\"" + bytes.map { escaped($0, quote: "\"") }.joined() + "\""
    }

    private static func escaped(_ byte: UInt8, quote: Character) -> String {
        switch byte {
        case 0x0a: return "\\n"
        case 0x09: return "\\t"
        case 0x0d: return "\\r"
        case 0x00: return "\\0"
        case 0x5c: return "\\\\"
        case UInt8(ascii: "'") where quote == "'", UInt8(ascii: "\"") where quote == "\"":
            return "\\" + String(quote)
        case 0x20...0x7e: return String(UnicodeScalar(byte))
        default: return "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }
    }
}
