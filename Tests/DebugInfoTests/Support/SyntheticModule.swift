/// Builds small core modules for tests: a Code section of trivial function bodies and the
/// custom sections given (DWARF assembled by hand).
struct SyntheticModule {
    /// Bodies of `size` bytes each: no locals, `nop`s, `end`.
    var bodySizes: [Int] = [16]
    var customSections: [(name: String, bytes: [UInt8])] = []

    var bytes: [UInt8] {
        var module: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
        var code = uleb(UInt64(bodySizes.count))
        for size in bodySizes {
            code += uleb(UInt64(size)) + [0x00] + [UInt8](repeating: 0x01, count: size - 2) + [0x0b]
        }
        module += [0x0a] + uleb(UInt64(code.count)) + code
        for (name, bytes) in customSections {
            let payload = uleb(UInt64(name.utf8.count)) + Array(name.utf8) + bytes
            module += [0x00] + uleb(UInt64(payload.count)) + payload
        }
        return module
    }
}

func uleb(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    repeat {
        var byte = UInt8(value & 0x7f)
        value >>= 7
        if value != 0 { byte |= 0x80 }
        bytes.append(byte)
    } while value != 0
    return bytes
}

func sleb(_ value: Int64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while true {
        let byte = UInt8(value & 0x7f)
        value >>= 7
        if (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0) {
            bytes.append(byte)
            return bytes
        }
        bytes.append(byte | 0x80)
    }
}

func littleEndian(_ value: UInt64, _ size: Int) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
}

/// Replaces (or drops, with nil) custom sections of a real module, re-encoding section sizes.
func rewritingCustomSections(of module: [UInt8], _ transform: (String, [UInt8]) -> [UInt8]?) -> [UInt8] {
    var result = Array(module[0..<8])
    var position = 8
    func readULEB() -> Int {
        var value = 0
        var shift = 0
        while true {
            let byte = module[position]
            position += 1
            value |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
    while position < module.count {
        let id = module[position]
        position += 1
        let size = readULEB()
        let payload = Array(module[position..<position + size])
        position += size
        guard id == 0 else {
            result += [id] + uleb(UInt64(size)) + payload
            continue
        }
        var nameEnd = 0
        var nameLength = 0
        var shift = 0
        while true {
            let byte = payload[nameEnd]
            nameEnd += 1
            nameLength |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        let name = String(decoding: payload[nameEnd..<nameEnd + nameLength], as: UTF8.self)
        guard let content = transform(name, Array(payload[(nameEnd + nameLength)...])) else { continue }
        let rebuilt = Array(payload[0..<nameEnd + nameLength]) + content
        result += [0] + uleb(UInt64(rebuilt.count)) + rebuilt
    }
    return result
}
