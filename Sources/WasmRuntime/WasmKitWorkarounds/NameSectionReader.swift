import WasmComponent

/// A cursor over a name section that answers nil instead of reading past the end: the section
/// is the module's own, hostile as any input (`CoreNameSection`, `ModuleNames`).
struct NameSectionReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    var remaining: Int { max(0, bytes.endIndex - position) }

    mutating func byte() -> UInt8? {
        guard position >= bytes.startIndex, position < bytes.endIndex else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() -> Int? {
        guard position >= bytes.startIndex else { return nil }
        return (try? LEB128.unsigned(bytes, at: &position, end: bytes.endIndex, bits: 32)).map(Int.init)
    }

    mutating func name() -> String? {
        guard let length = u32(), length <= remaining else { return nil }
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }
}
