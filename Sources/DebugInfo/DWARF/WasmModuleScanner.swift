import WasmComponent

/// Reads what the DWARF reader needs from a core module: its DWARF custom sections and where
/// its Code section and function bodies are. Everything else is skipped unparsed.
struct WasmModuleScanner {
    private(set) var sections = DWARFSections()
    private(set) var layout: CodeSectionLayout?
    private var importedFunctions: UInt32?

    init(module: ArraySlice<UInt8>) throws(DWARFError) {
        let bytes = Array(module)
        guard bytes.count >= 8, bytes[0..<4].elementsEqual([0x00, 0x61, 0x73, 0x6d]) else {
            throw DWARFError("not a WebAssembly module: the \\0asm header is missing", section: "module", offset: 0)
        }
        guard bytes[4..<8].elementsEqual([0x01, 0x00, 0x00, 0x00]) else {
            throw DWARFError(
                "not a core WebAssembly module (version 1): DWARF is read from the core module inside a component",
                section: "module", offset: 4)
        }
        guard bytes.count <= Int(UInt32.max) else {
            throw DWARFError("a core module larger than 4 GiB is not supported", section: "module")
        }
        var reader = ByteReader(bytes: bytes, start: 8, section: "module")
        do throws(ComponentError) {
            while !reader.isAtEnd {
                let id = try reader.readByte()
                let size = Int(try reader.readU32())
                let payload = try reader.readBytes(size)
                var section = ByteReader(
                    bytes: bytes, start: payload.lowerBound, end: payload.upperBound, section: "module")
                switch id {
                case 0:
                    let name = try section.readName()
                    sections.keep(name: name, bytes: bytes[section.position..<payload.upperBound])
                case 2:
                    importedFunctions = Self.importedFunctionCount(&section)
                case 10:
                    guard layout == nil else { throw reader.error("a second code section", at: payload.lowerBound) }
                    layout = try codeLayout(&section, payload: payload)
                default:
                    break
                }
            }
        } catch {
            throw DWARFError(error.message, section: "module", offset: error.offset)
        }
    }

    private func codeLayout(_ reader: inout ByteReader, payload: Range<Int>) throws(ComponentError) -> CodeSectionLayout
    {
        let count = try reader.readCount("function body")
        var bodies: [FunctionBody] = []
        bodies.reserveCapacity(count)
        for ordinal in 0..<count {
            let size = Int(try reader.readU32())
            let body = try reader.readBytes(size)
            var locals = ByteReader(
                bytes: reader.bytes, start: body.lowerBound, end: body.upperBound, section: "module")
            let groups = try locals.readCount("local declaration")
            for _ in 0..<groups {
                _ = try locals.readU32()
                try Self.skipValueType(&locals)
            }
            let index = importedFunctions.flatMap { UInt32(exactly: Int($0) + ordinal) }
            let start = CodeOffset(UInt32(body.lowerBound - payload.lowerBound))
            let end = CodeOffset(UInt32(body.upperBound - payload.lowerBound))
            let first = CodeOffset(UInt32(locals.position - payload.lowerBound))
            bodies.append(
                FunctionBody(ordinal: ordinal, functionIndex: index, range: start..<end, firstInstruction: first))
        }
        return CodeSectionLayout(
            payloadStart: ModuleOffset(UInt32(payload.lowerBound)), payloadSize: UInt32(payload.count),
            importedFunctionCount: importedFunctions, functionBodies: bodies)
    }

    /// Counts function imports; nil if an import has a kind or type this reader does not know
    /// (the count is a convenience, never needed to read DWARF).
    private static func importedFunctionCount(_ reader: inout ByteReader) -> UInt32? {
        do throws(ComponentError) {
            var functions: UInt32 = 0
            let count = try reader.readCount("import")
            for _ in 0..<count {
                _ = try reader.readName()
                _ = try reader.readName()
                switch try reader.readByte() {
                case 0x00:
                    _ = try reader.readU32()
                    functions += 1
                case 0x01:
                    try skipValueType(&reader)
                    try skipLimits(&reader)
                case 0x02:
                    try skipLimits(&reader)
                case 0x03:
                    try skipValueType(&reader)
                    _ = try reader.readByte()
                case 0x04:
                    _ = try reader.readByte()
                    _ = try reader.readU32()
                default:
                    return nil
                }
            }
            return functions
        } catch {
            return nil
        }
    }

    /// A value type: one byte, or a reference type with a heap type (s33) after it.
    private static func skipValueType(_ reader: inout ByteReader) throws(ComponentError) {
        let code = try reader.readByte()
        if code == 0x63 || code == 0x64 { _ = try reader.readS33() }
    }

    private static func skipLimits(_ reader: inout ByteReader) throws(ComponentError) {
        let flags = try reader.readByte()
        _ = try reader.readULEB128()
        if flags & 0x01 != 0 { _ = try reader.readULEB128() }
        if flags & 0x08 != 0 { _ = try reader.readU32() }
    }
}
