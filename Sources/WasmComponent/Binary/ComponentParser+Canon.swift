extension ComponentParser {
    static func parseCanon(_ reader: inout ByteReader) throws(ComponentError) -> CanonDefinition {
        let start = reader.position
        let code = try reader.readByte()
        switch code {
        case 0x00:
            guard try reader.readByte() == 0x00 else {
                throw reader.error("canon lift must lift a core func", at: start)
            }
            let function = try reader.readU32()
            let options = try parseCanonOptions(&reader)
            return .lift(coreFunction: function, options: options, type: try reader.readU32())
        case 0x01:
            guard try reader.readByte() == 0x00 else { throw reader.error("canon lower must lower a func", at: start) }
            let function = try reader.readU32()
            return .lower(function: function, options: try parseCanonOptions(&reader))
        case 0x02: return .resourceNew(type: try reader.readU32())
        case 0x03: return .resourceDrop(type: try reader.readU32())
        case 0x04: return .resourceRep(type: try reader.readU32())
        case 0x07: throw reader.error("canon resource.drop async is not supported", at: start)
        case 0x40...0x42, 0x26...0x2d:
            throw reader.error("canon thread built-ins (threads) are not supported", at: start)
        case 0x05, 0x06, 0x08...0x25:
            throw reader.error("async canon built-in 0x\(String(code, radix: 16)) is not supported", at: start)
        default: throw reader.error("unknown canon definition 0x\(String(code, radix: 16))", at: start)
        }
    }

    private static func parseCanonOptions(_ reader: inout ByteReader) throws(ComponentError) -> [CanonOption] {
        var options: [CanonOption] = []
        let count = try reader.readCount("canon option")
        var hasEncoding = false
        for _ in 0..<count {
            let start = reader.position
            let option: CanonOption
            switch try reader.readByte() {
            case 0x00: option = .utf8
            case 0x01: option = .utf16
            case 0x02: option = .latin1UTF16
            case 0x03: option = .memory(try reader.readU32())
            case 0x04: option = .realloc(try reader.readU32())
            case 0x05: option = .postReturn(try reader.readU32())
            case 0x06, 0x07: throw reader.error("async canon options are not supported", at: start)
            case let byte: throw reader.error("unknown canon option 0x\(String(byte, radix: 16))", at: start)
            }
            switch option {
            case .utf8, .utf16, .latin1UTF16:
                guard !hasEncoding else { throw reader.error("conflicting string-encoding options", at: start) }
                hasEncoding = true
            case .memory, .realloc, .postReturn:
                if options.contains(where: { $0.sameKind(as: option) }) {
                    throw reader.error("duplicate canon option", at: start)
                }
            }
            options.append(option)
        }
        return options
    }
}

extension CanonOption {
    func sameKind(as other: CanonOption) -> Bool {
        switch (self, other) {
        case (.memory, .memory), (.realloc, .realloc), (.postReturn, .postReturn): return true
        default: return false
        }
    }
}
