import DebugInfo
import Testing

/// DWARF is input from a component: corrupted, truncated or built to exhaust, it must give an
/// error or a result, never a crash, a hang or an allocation out of proportion to its size.
@Suite("Hostile DWARF")
struct HostileInputTests {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    static let sections = [
        ".debug_info", ".debug_abbrev", ".debug_line", ".debug_str", ".debug_line_str", ".debug_str_offsets",
        ".debug_addr", ".debug_ranges", ".debug_rnglists", ".debug_loc", ".debug_loclists",
    ]

    static func mutate(_ bytes: [UInt8], round: Int, random: inout Random) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return bytes }
        switch round % 4 {
        case 0:  // truncate
            return Array(bytes.prefix(random.below(bytes.count)))
        case 1:  // flip a few bits
            for _ in 0..<(1 + random.below(8)) { bytes[random.below(bytes.count)] ^= UInt8(1 + random.below(255)) }
        case 2:  // a run of 0xff: huge lengths, tombstones, reserved unit lengths
            let start = random.below(bytes.count)
            for index in start..<min(bytes.count, start + 1 + random.below(8)) { bytes[index] = 0xff }
        default:  // LEB128 continuation bytes and zeros: endless integers, null entries
            for _ in 0..<(1 + random.below(6)) { bytes[random.below(bytes.count)] = random.below(2) == 0 ? 0x80 : 0x00 }
        }
        return bytes
    }

    /// Everything the shell will call, on whatever parsed.
    static func exercise(_ info: DWARFDebugInfo) {
        let frame = FakeFrame(locals: (0..<8).map { .i32(UInt32($0) * 0x100) }, globals: [.i32(0x800)])
        _ = info.statements
        for file in info.sourceFiles.prefix(4) {
            for line in [1, 20, 40] { _ = try? info.breakpoint(file: file, line: line) }
        }
        for function in info.functions.prefix(40) {
            for range in function.ranges.prefix(2) {
                let probe = CodeOffset(range.lowerBound.value &+ (range.upperBound.value &- range.lowerBound.value) / 2)
                for sourceFrame in info.frames(at: probe) {
                    for variable in sourceFrame.variables.prefix(20) {
                        _ = info.renderValue(of: variable, at: probe, frame: frame)
                        _ = info.types.name(of: variable.type)
                    }
                }
                _ = info.location(at: probe)
            }
        }
        for global in info.globals.prefix(20) { _ = info.renderValue(of: global, at: CodeOffset(0), frame: frame) }
    }

    @Test(
        "each DWARF section truncated, bit-flipped or overwritten: an error or a result",
        arguments: DebugFixture.allCases)
    func corruptedSections(fixture: DebugFixture) throws {
        let module = Array(try fixture.module())
        var random = Random(state: UInt64(fixture.rawValue.utf8.count))
        var parsed = 0
        var failed = 0
        for name in Self.sections {
            var present = false
            _ = rewritingCustomSections(of: module) { section, bytes in
                if section == name { present = true }
                return bytes
            }
            guard present else { continue }
            for round in 0..<24 {
                let mutated = rewritingCustomSections(of: module) { section, bytes in
                    section == name ? Self.mutate(bytes, round: round, random: &random) : bytes
                }
                do {
                    Self.exercise(try DWARFDebugInfo(module: mutated[...]))
                    parsed += 1
                } catch {
                    #expect(!error.message.isEmpty)
                    failed += 1
                }
            }
        }
        #expect(parsed > 20)
        #expect(failed > 20)
    }

    @Test("the module itself truncated anywhere: an error naming the module", arguments: [DebugFixture.debug])
    func truncatedModule(fixture: DebugFixture) throws {
        let module = Array(try fixture.module())
        var random = Random(state: 7)
        for _ in 0..<40 {
            let cut = random.below(module.count)
            do {
                Self.exercise(try DWARFDebugInfo(module: module[0..<cut]))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(
            throws: DWARFError("not a WebAssembly module: the \\0asm header is missing", section: "module", offset: 0)
        ) {
            try DWARFDebugInfo(module: [0x01, 0x02][...])
        }
        let component = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00] as [UInt8]
        #expect(
            throws: DWARFError(
                "not a core WebAssembly module (version 1): DWARF is read from the core module inside a component",
                section: "module", offset: 4)
        ) { try DWARFDebugInfo(module: component[...]) }
        let stripped = rewritingCustomSections(of: module) { name, bytes in name.hasPrefix(".debug") ? nil : bytes }
        #expect(!DWARFDebugInfo.hasDebugInfo(module: stripped[...]))
        #expect(
            throws: DWARFError(
                "the module has no DWARF debug information (no .debug_info or .debug_line section): compile with -g and do not strip debug sections"
            )
        ) { try DWARFDebugInfo(module: stripped[...]) }
    }

    /// A DWARF 4 compile unit with the given DIE bytes, and its abbreviation table.
    static func module(abbreviations: [UInt8], entries: [UInt8], bodySizes: [Int] = [64]) -> [UInt8] {
        let unit: [UInt8] = [4, 0] + [0, 0, 0, 0] + [4] + entries
        let info = littleEndian(UInt64(unit.count), 4) + unit
        return SyntheticModule(
            bodySizes: bodySizes, customSections: [(".debug_abbrev", abbreviations), (".debug_info", info)]
        ).bytes
    }

    static func error(_ module: [UInt8]) -> DWARFError? {
        do {
            _ = try DWARFDebugInfo(module: module[...])
            return nil
        } catch {
            return error
        }
    }

    @Test("an abbreviation with too many attributes, DIEs nested too deep, and a flood of zero-size attributes")
    func exhaustion() {
        let flags = Array(repeating: [UInt8]([0x3f, 0x19]), count: 300).flatMap { $0 }
        let wide = Self.module(abbreviations: [1, 0x11, 0] + flags + [0, 0, 0], entries: [1])
        #expect(Self.error(wide)?.message == "abbreviation 1 has more than 256 attributes")

        let nesting: [UInt8] = [1, 0x11, 1, 0, 0, 2, 0x0b, 1, 0, 0, 0]
        let deep = Self.module(abbreviations: nesting, entries: [1] + [UInt8](repeating: 2, count: 250))
        #expect(Self.error(deep)?.message == "DIEs nested more than 200 deep")

        let many = Array(repeating: [UInt8]([0x3f, 0x19]), count: 200).flatMap { $0 }
        let flood = Self.module(
            abbreviations: [1, 0x11, 1, 0, 0, 2, 0x34, 0] + many + [0, 0, 0],
            entries: [1] + [UInt8](repeating: 2, count: 2000))
        #expect(Self.error(flood)?.message == "more attributes than a section of this size can hold")

        let unknownForm = Self.module(abbreviations: [1, 0x11, 0, 0x03, 0x7f, 0, 0, 0], entries: [1, 0])
        #expect(Self.error(unknownForm)?.message == "unknown attribute form 0x7f; cannot read past it")

        let missing = Self.module(abbreviations: [1, 0x11, 0, 0, 0, 0], entries: [5])
        #expect(Self.error(missing)?.message == "no abbreviation with code 5")
    }

    @Test("abstract origins that point at each other end the lookup instead of looping")
    func originCycle() throws {
        // CU (children) > two subprograms: low_pc, high_pc (length), abstract_origin to the other.
        let abbreviations: [UInt8] = [1, 0x11, 1, 0, 0, 2, 0x2e, 0, 0x11, 0x01, 0x12, 0x06, 0x31, 0x13, 0, 0, 0]
        let first: [UInt8] = [2] + littleEndian(3, 4) + littleEndian(8, 4) + littleEndian(11 + 13, 4)
        let second: [UInt8] = [2] + littleEndian(0x20, 4) + littleEndian(8, 4) + littleEndian(11 + 0, 4)
        let module = Self.module(abbreviations: abbreviations, entries: [1] + first + second + [0])
        let info = try DWARFDebugInfo(module: module[...])
        #expect(info.functions.count == 2)
        #expect(info.functions.allSatisfy { $0.name == nil })
        #expect(info.frames(at: CodeOffset(4)).first?.functionName == nil)
    }
}
