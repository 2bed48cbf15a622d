import DebugInfo
import Testing

/// Units assembled by hand with the attribute forms the fixtures do not use (clang emits
/// strx1, addrx, rnglistx, loclistx, implicit_const and data16 in line tables, all covered by
/// the fixtures): every width of strx and addrx, indirect, ref1, ref_udata, data16, DWARF 64.
@Suite("Attribute forms")
struct AttributeFormTests {
    @Test("DWARF 5: strx2/3/4, strx, indirect, addrx1, ref_udata, ref1, implicit_const, data16")
    func dwarf5Forms() throws {
        let strings = Array("unit\0wide\0int\0blob\0main\0".utf8)
        let stringOffsets = littleEndian(24, 4) + [5, 0, 0, 0] + [0, 5, 10, 14, 19].flatMap { littleEndian($0, 4) }
        let addresses = littleEndian(16, 4) + [5, 0, 4, 0] + [0x3, 0x13, 0x400].flatMap { littleEndian($0, 4) }
        let abbreviations: [UInt8] = [
            1, 0x11, 1, 0x03, 0x27, 0x72, 0x17, 0x73, 0x17, 0x13, 0x05, 0, 0,
            2, 0x34, 0, 0x03, 0x26, 0x49, 0x15, 0x02, 0x18, 0x3b, 0x21, 42, 0, 0,
            3, 0x24, 0, 0x03, 0x28, 0x3e, 0x0b, 0x0b, 0x0b, 0, 0,
            4, 0x34, 0, 0x03, 0x16, 0x49, 0x11, 0x1c, 0x1e, 0, 0,
            5, 0x2e, 0, 0x03, 0x1a, 0x11, 0x29, 0x12, 0x06, 0, 0,
            0,
        ]
        var entries: [UInt8] = [1, 0, 0, 0] + littleEndian(8, 4) + littleEndian(8, 4) + littleEndian(0x1d, 2)
        entries += [2, 1, 0, 33, 2, 0xa1, 0x02]  // "wide": int at DW_OP_addrx 2, decl_line 42
        entries += [3, 2, 0, 0, 0, 0x05, 4]  // int
        entries += [4, 0x25, 3, 33] + (1...16).map { UInt8($0) }  // "blob": an int with a 16-byte constant
        entries += [5, 4, 0] + littleEndian(0x10, 4)  // main: [0x3, 0x13)
        entries += [0]
        let unit: [UInt8] = [5, 0, 1, 4, 0, 0, 0, 0] + entries
        let info = littleEndian(UInt64(unit.count), 4) + unit
        #expect(12 + entries.prefix(14 + 7).count == 33)  // where the base type DIE starts
        let module = SyntheticModule(
            bodySizes: [64],
            customSections: [
                (".debug_abbrev", abbreviations), (".debug_info", info), (".debug_str", strings),
                (".debug_str_offsets", stringOffsets), (".debug_addr", addresses),
            ]
        ).bytes
        let debug = try DWARFDebugInfo(module: module[...])
        #expect(debug.units.first?.name == "unit")
        #expect(debug.units.first?.language?.description == "C11")
        let wide = try #require(debug.globals(named: "wide").first)
        #expect(debug.types.name(of: wide.type) == "int")
        #expect(wide.declLine == 42)
        #expect(try debug.location(of: wide, at: CodeOffset(0), frame: FakeFrame()) == .memory(address: 0x400))
        let blob = try #require(debug.globals(named: "blob").first)
        guard case .constant(let bytes) = blob.location else {
            Issue.record("blob is not a constant")
            return
        }
        #expect(bytes == (1...16).map { UInt8($0) })
        #expect(debug.renderValue(of: blob, at: CodeOffset(0), frame: FakeFrame()) == "67305985")
        #expect(debug.functions.map(\.name) == ["main"])
        #expect(debug.functions.first?.ranges == [CodeOffset(3)..<CodeOffset(0x13)])
    }

    @Test("64-bit DWARF: an 8-byte unit length, abbreviation offset and string offsets")
    func dwarf64() throws {
        let strings = Array("wide.c\0".utf8)
        let abbreviations: [UInt8] = [
            1, 0x11, 1, 0x03, 0x0e, 0, 0,
            2, 0x2e, 0, 0x03, 0x08, 0x11, 0x01, 0x12, 0x06, 0, 0,
            0,
        ]
        var entries: [UInt8] = [1] + littleEndian(0, 8)
        entries += [2] + Array("f\0".utf8) + littleEndian(4, 4) + littleEndian(6, 4)
        entries += [0]
        let unit: [UInt8] = [4, 0] + littleEndian(0, 8) + [4] + entries
        let info: [UInt8] = [0xff, 0xff, 0xff, 0xff] + littleEndian(UInt64(unit.count), 8) + unit
        let module = SyntheticModule(
            customSections: [(".debug_abbrev", abbreviations), (".debug_info", info), (".debug_str", strings)]
        ).bytes
        let debug = try DWARFDebugInfo(module: module[...])
        #expect(debug.units.first?.name == "wide.c")
        #expect(debug.functions.first?.name == "f")
        #expect(debug.function(containing: CodeOffset(9))?.name == "f")
        #expect(debug.function(containing: CodeOffset(10)) == nil)
    }
}
