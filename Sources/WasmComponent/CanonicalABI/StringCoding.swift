/// Strings across the canonical ABI in the three guest encodings (spec:
/// `load_string_from_range`, `store_string_into_range`). Host strings are Swift strings, so the
/// lowering side always starts from UTF-8 (`src_encoding = utf8`, code units = UTF-8 bytes).
enum StringCoding {
    /// The spec's `utf16_tag` for 32-bit memories: set in a `latin1+utf16` length when the
    /// string is UTF-16.
    static let utf16Tag: UInt32 = 1 << 31

    /// The encoding of one lifted string's bytes (`latin1+utf16` is one of the last two).
    private enum Source { case utf8, utf16, latin1 }

    // MARK: Lifting

    static func lift<C: CanonicalContext>(pointer: UInt32, taggedLength: UInt32, context: inout C) throws -> String {
        let source: Source
        let alignment: Int
        let units: Int
        switch context.options.stringEncoding {
        case .utf8:
            (source, alignment, units) = (.utf8, 1, Int(taggedLength))
        case .utf16:
            (source, alignment, units) = (.utf16, 2, Int(taggedLength))
        case .latin1UTF16:
            if taggedLength & utf16Tag != 0 {
                (source, alignment, units) = (.utf16, 2, Int(taggedLength ^ utf16Tag))
            } else {
                (source, alignment, units) = (.latin1, 2, Int(taggedLength))
            }
        }
        let byteLength = source == .utf16 ? 2 * units : units
        let address = Int(pointer)
        // Written only for an error: a message per lifted string was a tenth of lifting it.
        func extent() -> String { source == .utf16 ? "length \(units) in UTF-16 code units" : "length \(units)" }
        guard byteLength <= CanonicalABI.maxStringByteLength else {
            throw CanonicalABIError.tooLong(
                "string at \(CanonicalABIError.hex(address)) has \(extent()) (\(byteLength) bytes), "
                    + "more than the limit of \(CanonicalABI.maxStringByteLength) bytes")
        }
        try context.checkRange(
            address: address, byteCount: byteLength, alignment: alignment, subject: "string", extent: extent())
        if byteLength == 0 { return "" }
        // UTF-16 and Latin-1 may grow on the way to UTF-8 (up to 3 bytes per unit).
        try context.chargeLift(source == .utf8 ? byteLength : 3 * units)

        let decoded: String? = context.withMemory(offset: address, count: byteLength) { bytes in
            switch source {
            case .utf8:
                return String(validUTF8: bytes.assumingMemoryBound(to: UInt8.self))
            case .utf16:
                let codeUnits = (0..<units).lazy.map { index in
                    UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self))
                }
                return String(validating: codeUnits, as: UTF16.self)
            case .latin1:
                return decodeLatin1(bytes)
            }
        }
        guard let decoded else {
            let reason =
                source == .utf16
                ? "invalid UTF-16 in string at \(CanonicalABIError.hex(address)) (unpaired surrogate)"
                : "invalid UTF-8 in string at \(CanonicalABIError.hex(address))"
            throw CanonicalABIError(kind: .invalidEncoding, message: reason)
        }
        return decoded
    }

    /// Latin-1 bytes are the scalars U+0000...U+00FF: one or two UTF-8 bytes each.
    private static func decodeLatin1(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { utf8 in
            var written = 0
            for byte in bytes {
                if byte < 0x80 {
                    utf8[written] = byte
                    written += 1
                } else {
                    utf8[written] = 0xC0 | (byte >> 6)
                    utf8[written + 1] = 0x80 | (byte & 0x3F)
                    written += 2
                }
            }
            return written
        }
    }

    // MARK: Lowering

    /// Copies `string` into guest memory through `realloc`; returns the pointer and the (tagged)
    /// length the guest sees.
    static func lower<C: CanonicalContext>(_ string: String, context: inout C) throws -> (
        pointer: UInt32, length: UInt32
    ) {
        let utf8Count = string.utf8.count
        switch context.options.stringEncoding {
        case .utf8:
            try checkLowerable(utf8Count, worstCaseBytes: utf8Count)
            return try lowerUTF8(string, byteCount: utf8Count, context: &context)
        case .utf16:
            try checkLowerable(utf8Count, worstCaseBytes: 2 * utf8Count)
            return try lowerUTF16(string, utf8Count: utf8Count, context: &context)
        case .latin1UTF16:
            try checkLowerable(utf8Count, worstCaseBytes: 2 * utf8Count)
            return try lowerLatin1OrUTF16(string, utf8Count: utf8Count, context: &context)
        }
    }

    /// The spec asserts sizes fit `realloc`'s 32-bit arguments; a host string may not.
    private static func checkLowerable(_ utf8Count: Int, worstCaseBytes: Int) throws {
        guard worstCaseBytes <= Int(UInt32.max) else {
            throw CanonicalABIError.tooLong(
                "string of \(utf8Count) UTF-8 bytes is too long to lower into a 32-bit memory")
        }
    }

    /// `store_string_copy` from UTF-8 to UTF-8.
    private static func lowerUTF8<C: CanonicalContext>(
        _ string: String, byteCount: Int, context: inout C
    ) throws -> (pointer: UInt32, length: UInt32) {
        let pointer = try context.allocate(alignment: 1, size: byteCount, for: "string")
        if byteCount > 0 {
            var source = string
            source.withUTF8 { utf8 in
                context.withMutableMemory(offset: pointer, count: byteCount) { memory in
                    memory.copyMemory(from: UnsafeRawBufferPointer(utf8))
                }
            }
        }
        return (UInt32(pointer), UInt32(byteCount))
    }

    /// `store_utf8_to_utf16`: allocate the worst case (2 bytes per UTF-8 byte), then shrink.
    private static func lowerUTF16<C: CanonicalContext>(
        _ string: String, utf8Count: Int, context: inout C
    ) throws -> (pointer: UInt32, length: UInt32) {
        let worstCase = 2 * utf8Count
        var pointer = try context.allocate(alignment: 2, size: worstCase, for: "string")
        let codeUnits = string.utf16.count
        let byteLength = 2 * codeUnits
        if byteLength > 0 {
            writeUTF16(string.utf16, to: pointer, byteLength: byteLength, context: &context)
        }
        if byteLength < worstCase {
            pointer = try context.allocate(
                replacing: pointer, originalSize: worstCase, alignment: 2, size: byteLength, for: "string")
        }
        return (UInt32(pointer), UInt32(codeUnits))
    }

    /// `store_string_to_latin1_or_utf16`: Latin-1 while every scalar fits a byte; at the first
    /// that does not, grow to the UTF-16 worst case, widen what was written, and finish in UTF-16.
    private static func lowerLatin1OrUTF16<C: CanonicalContext>(
        _ string: String, utf8Count: Int, context: inout C
    ) throws -> (pointer: UInt32, length: UInt32) {
        var pointer = try context.allocate(alignment: 2, size: utf8Count, for: "string")
        var latin1Count = 0
        var needsUTF16 = false
        if utf8Count > 0 {
            context.withMutableMemory(offset: pointer, count: utf8Count) { memory in
                for scalar in string.unicodeScalars {
                    guard scalar.value < 0x100 else {
                        needsUTF16 = true
                        return
                    }
                    memory[latin1Count] = UInt8(scalar.value)
                    latin1Count += 1
                }
            }
        }
        if !needsUTF16 {
            if latin1Count < utf8Count {
                pointer = try context.allocate(
                    replacing: pointer, originalSize: utf8Count, alignment: 2, size: latin1Count, for: "string")
            }
            return (UInt32(pointer), UInt32(latin1Count))
        }

        let worstCase = 2 * utf8Count
        pointer = try context.allocate(
            replacing: pointer, originalSize: utf8Count, alignment: 2, size: worstCase, for: "string")
        let codeUnits = string.utf16.count
        let byteLength = 2 * codeUnits
        context.withMutableMemory(offset: pointer, count: worstCase) { memory in
            // Widen the Latin-1 prefix in place, back to front so nothing is overwritten unread.
            for index in stride(from: latin1Count - 1, through: 0, by: -1) {
                memory[2 * index] = memory[index]
                memory[2 * index + 1] = 0
            }
        }
        // Each Latin-1 scalar was one UTF-16 code unit: the rest starts at code unit `latin1Count`.
        let rest = string.utf16.dropFirst(latin1Count)
        writeUTF16(rest, to: pointer + 2 * latin1Count, byteLength: byteLength - 2 * latin1Count, context: &context)
        if byteLength < worstCase {
            pointer = try context.allocate(
                replacing: pointer, originalSize: worstCase, alignment: 2, size: byteLength, for: "string")
        }
        return (UInt32(pointer), UInt32(codeUnits) | utf16Tag)
    }

    private static func writeUTF16<C: CanonicalContext, Units: Sequence<UInt16>>(
        _ units: Units, to address: Int, byteLength: Int, context: inout C
    ) {
        guard byteLength > 0 else { return }
        context.withMutableMemory(offset: address, count: byteLength) { memory in
            var offset = 0
            for unit in units where offset + 2 <= byteLength {
                memory.storeBytes(of: unit.littleEndian, toByteOffset: offset, as: UInt16.self)
                offset += 2
            }
        }
    }
}
