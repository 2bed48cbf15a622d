import DebugInfo
import Testing

/// Variables of the fixtures read from a fake paused frame: locations from the real DWARF,
/// values placed where those locations say, rendered as C.
@Suite("Variable values of the fixtures")
struct VariableValueTests {
    static func variable(_ name: String, in frame: SourceFrame) throws -> DebugVariable {
        try #require(frame.variables.first { $0.name == name }, "no variable \(name)")
    }

    /// The frame at the first statement of `line` in debug.c.
    static func frame(_ info: DWARFDebugInfo, line: Int, file: String = "debug.c") throws -> (SourceFrame, CodeOffset) {
        let address = try info.breakpoint(file: file, line: line).addresses[0]
        return (try #require(info.frames(at: address).first), address)
    }

    static func bytes(_ value: UInt64, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }

    @Test("-O0: every local of scalars in its stack slot, rendered by type")
    func scalarsAtO0() throws {
        let info = try DebugFixture.debug.info()
        let (frame, pc) = try Self.frame(info, line: 72)
        #expect(frame.functionName == "scalars")
        // Local 1 is the frame pointer clang's DW_AT_frame_base names.
        var memory = FakeFrame(locals: [.i32(5), .i32(0x1000)])
        let values: [(String, [UInt8], String)] = [
            ("seed", Self.bytes(5, 4), "5"),
            ("count", Self.bytes(5, 4), "5"),
            ("mask", Self.bytes(0xf0, 4), "240"),
            ("small", Self.bytes(UInt64(bitPattern: -2), 2), "-2"),
            ("wide", Self.bytes(UInt64(bitPattern: -5_000_000_000), 8), "-5000000000"),
            ("byte", [200], "'\\xc8' (200)"),
            ("ratio", Self.bytes(UInt64(Float(1.5).bitPattern), 4), "1.5"),
            ("precise", Self.bytes(Double(2.25).bitPattern, 8), "2.25"),
            ("positive", [1], "true"),
            ("letter", [97], "'a' (97)"),
            ("ticks", Self.bytes(3, 4), "3"),
            ("direction", Self.bytes(7, 4), "AXIS_BOTH"),
            ("digits", [0, 1, 4, 9].flatMap { Self.bytes($0, 4) }, "{0, 1, 4, 9}"),
            ("greeting", Self.bytes(0x2000, 4), "(const char *) 0x2000 \"hi\""),
            ("sum", Self.bytes(Double(-4_999_999_331.25).bitPattern, 8), "-4999999331.25"),
        ]
        memory.store(Array("hi".utf8) + [0], at: 0x2000)
        for (name, bytes, _) in values {
            let location = try info.location(of: try Self.variable(name, in: frame), at: pc, frame: memory)
            guard case .memory(let address) = location, (0x1000..<0x1000 + 96).contains(address) else {
                Issue.record("\(name) is at \(location), not in the frame's stack slots")
                continue
            }
            memory.store(bytes, at: Int(address))
        }
        #expect(frame.variables.map(\.name) == values.map(\.0))
        for (name, _, text) in values {
            #expect(info.renderValue(of: try Self.variable(name, in: frame), at: pc, frame: memory) == text, "\(name)")
        }
    }

    @Test("-O0: a struct, and a pointer to it, in segment_length")
    func structAndPointer() throws {
        let info = try DebugFixture.debug.info()
        let (frame, pc) = try Self.frame(info, line: 85)
        var memory = FakeFrame(locals: [.i32(1), .i32(0xffff_fffe), .i32(0xffff_fffd), .i32(5), .i32(0x1000)])
        let segment = try Self.variable("segment", in: frame)
        #expect(info.types.name(of: segment.type) == "struct segment")
        #expect(info.types.byteSize(of: segment.type) == 20)
        guard case .memory(let address) = try info.location(of: segment, at: pc, frame: memory) else {
            Issue.record("segment is not in memory")
            return
        }
        memory.store(
            [1, -2, -3, 5].flatMap { Self.bytes(UInt64(bitPattern: $0), 4) } + Self.bytes(0x2100, 4), at: Int(address))
        memory.store(Array("segment".utf8) + [0], at: 0x2100)
        let shape = try Self.variable("shape", in: frame)
        guard case .memory(let shapeAddress) = try info.location(of: shape, at: pc, frame: memory) else {
            Issue.record("shape is not in memory")
            return
        }
        memory.store(Self.bytes(address, 4), at: Int(shapeAddress))
        #expect(
            info.renderValue(of: segment, at: pc, frame: memory)
                == "{from = {x = 1, y = -2}, to = {x = -3, y = 5}, label = (const char *) 0x2100 \"segment\"}")
        #expect(
            info.renderValue(of: shape, at: pc, frame: memory) == "(struct segment *) 0x\(String(address, radix: 16))")
        // At -O0 clang spills parameters to the stack frame too.
        for (name, value) in [("x1", Int64(1)), ("y1", -2)] {
            let parameter = try Self.variable(name, in: frame)
            guard case .memory(let slot) = try info.location(of: parameter, at: pc, frame: memory) else {
                Issue.record("\(name) is not in memory")
                continue
            }
            memory.store(Self.bytes(UInt64(bitPattern: value), 4), at: Int(slot))
            #expect(info.renderValue(of: parameter, at: pc, frame: memory) == String(value))
        }
    }

    @Test("-O1: parameters in wasm locals, constants, and a bool computed from a local by a location list")
    func optimizedScalars() throws {
        for fixture in [DebugFixture.optimized, .dwarf5] {
            let info = try fixture.info()
            let scalars = try #require(info.functions(named: "scalars").first)
            let variables = scalars.scope.variables
            func named(_ name: String) throws -> DebugVariable { try #require(variables.first { $0.name == name }) }
            guard case .list(let entries) = try named("positive").location, let range = entries.first?.range else {
                Issue.record("\(fixture): positive has no location list")
                continue
            }
            let pc = range.lowerBound
            let negative = FakeFrame(locals: [.i32(0xffff_ffff), .i32(0x1000)])
            let positive = FakeFrame(locals: [.i32(5), .i32(0x1000)])
            #expect(info.renderValue(of: try named("positive"), at: pc, frame: negative) == "false", "\(fixture)")
            #expect(info.renderValue(of: try named("positive"), at: pc, frame: positive) == "true", "\(fixture)")
            #expect(info.renderValue(of: try named("seed"), at: pc, frame: negative) == "-1", "\(fixture)")
            #expect(info.renderValue(of: try named("count"), at: pc, frame: negative) == "-1", "\(fixture)")
            for (name, text) in [
                ("mask", "240"), ("small", "-2"), ("wide", "-5000000000"), ("byte", "'\\xc8' (200)"), ("ratio", "1.5"),
                ("precise", "2.25"), ("letter", "'a' (97)"),
            ] {
                guard case .constant = try named(name).location else {
                    Issue.record("\(fixture) \(name) is not a DW_AT_const_value")
                    continue
                }
                #expect(info.renderValue(of: try named(name), at: pc, frame: negative) == text, "\(fixture) \(name)")
            }
            #expect(info.renderValue(of: try named("greeting"), at: pc, frame: negative) == "<optimized out>")
            // direction is 7 only from where the list says; before that the compiler kept nothing.
            guard case .list(let directions) = try named("direction").location, let known = directions.first?.range
            else {
                Issue.record("\(fixture): direction has no location list")
                continue
            }
            #expect(info.renderValue(of: try named("direction"), at: known.lowerBound, frame: negative) == "AXIS_BOTH")
            #expect(
                info.renderValue(
                    of: try named("direction"), at: CodeOffset(known.lowerBound.value - 1), frame: negative)
                    == "<optimized out>")
            guard case .list(let sums) = try named("sum").location, let sumRange = sums.first?.range else {
                Issue.record("\(fixture): sum has no location list")
                continue
            }
            #expect(
                info.renderValue(of: try named("sum"), at: sumRange.lowerBound, frame: negative)
                    == "<unavailable: the wasm operand stack (slot 0) is not available>")
        }
    }

    @Test("-O1: a pointer computed from a local (local 4 + 12), as the location list gives it")
    func computedPointer() throws {
        let info = try DebugFixture.optimized.info()
        let function = try #require(info.functions(named: "segment_length").first)
        let shape = try #require(function.scope.variables.first { $0.name == "shape" })
        guard case .list(let entries) = shape.location, let range = entries.first?.range else {
            Issue.record("shape has no location list")
            return
        }
        let frame = FakeFrame(locals: [.i32(0), .i32(0), .i32(0), .i32(0), .i32(0x1000)])
        #expect(info.renderValue(of: shape, at: range.lowerBound, frame: frame) == "(struct segment *) 0x100c")
        #expect(info.renderValue(of: shape, at: range.upperBound, frame: frame) == "<optimized out>")
    }

    @Test(
        "globals: a counter, a struct and a typedef'd anonymous struct, from their addresses",
        arguments: DebugFixture.allCases)
    func globals(fixture: DebugFixture) throws {
        let info = try fixture.info()
        var memory = FakeFrame()
        func place(_ name: String, _ bytes: [UInt8]) throws {
            let global = try #require(info.globals(named: name).first)
            guard case .memory(let address) = try info.location(of: global, at: CodeOffset(0), frame: memory) else {
                Issue.record("\(name) is not in memory")
                return
            }
            memory.store(bytes, at: Int(address))
        }
        try place("calls_served", Self.bytes(35, 4))
        try place("last_start", Self.bytes(1, 4) + Self.bytes(UInt64(bitPattern: -2), 4))
        try place("read_area", [1, 0, 0, 0] + Self.bytes(0x3000, 4) + Self.bytes(119, 4))
        func render(_ name: String) throws -> String {
            info.renderValue(of: try #require(info.globals(named: name).first), at: CodeOffset(0), frame: memory)
        }
        #expect(try render("calls_served") == "35")
        #expect(try render("last_start") == "{x = 1, y = -2}")
        #expect(try render("read_area") == "{is_err = '\\x01' (1), text_ptr = 12288, text_len = 119}")
    }

    @Test("reading outside linear memory is an error in the value, not a crash")
    func outOfBounds() throws {
        let info = try DebugFixture.debug.info()
        let (frame, pc) = try Self.frame(info, line: 72)
        let memory = FakeFrame(locals: [.i32(5), .i32(0xffff_fff0)])
        let text = info.renderValue(of: try Self.variable("sum", in: frame), at: pc, frame: memory)
        #expect(text.hasPrefix("<unavailable: 8 bytes at 0x"))
        #expect(text.hasSuffix("are outside linear memory>"))
        let missing = FakeFrame(locals: [.i32(5)])
        #expect(
            info.renderValue(of: try Self.variable("sum", in: frame), at: pc, frame: missing)
                == "<unavailable: the frame has no local 1>")
    }
}
