import Testing

@testable import DebugInfo

@Suite("Location expressions evaluated against a paused frame")
struct LocationEvaluatorTests {
    static let encoding = ExpressionEncoding(
        version: 5, addressSize: 4, format: .dwarf32, unitOffset: 0, addresses: nil)

    /// Evaluates hand-assembled expression bytes; the frame base, when given, is local 1.
    static func evaluate(_ bytes: [UInt8], frame: FakeFrame = FakeFrame(), frameBase: Bool = false)
        throws(VariableReadError)
        -> VariableLocation
    {
        let base: LocationDescription? =
            frameBase ? .expression(LocationExpression(bytes: [0xed, 0x00, 0x01, 0x9f], encoding: encoding)) : nil
        return try LocationEvaluator(types: DebugTypeTable([:])).evaluate(
            LocationExpression(bytes: bytes, encoding: encoding), at: CodeOffset(0), frameBase: base, frame: frame)
    }

    static func value(_ bytes: [UInt8], frame: FakeFrame = FakeFrame()) throws(VariableReadError) -> Int64? {
        guard case .value(let bits) = try evaluate(bytes + [0x9f], frame: frame) else { return nil }
        return Int64(bitPattern: bits)
    }

    @Test("arithmetic of the DWARF stack machine, with 32-bit wrapping for wasm32's address-sized generic type")
    func arithmetic() throws {
        #expect(try Self.value([0x35, 0x33, 0x1c]) == 2)  // lit5 lit3 minus
        #expect(try Self.value([0x11] + sleb(-4) + [0x32, 0x1b]) == 0xffff_fffe)  // -4 / 2 = -2, 32 bits
        #expect(try Self.value([0x37, 0x33, 0x1d]) == 1)  // 7 mod 3
        #expect(try Self.value([0x31, 0x33, 0x24]) == 8)  // 1 << 3
        #expect(try Self.value([0x09, 0xf8, 0x31, 0x26]) == 0xffff_fffc)  // -8 >> 1 (arithmetic)
        #expect(try Self.value([0x09, 0xf8, 0x31, 0x25]) == 0x7fff_fffc)  // -8 >> 1 (logical)
        #expect(try Self.value([0x3c, 0x3a, 0x1a]) == 8)  // 12 & 10
        #expect(try Self.value([0x3c, 0x3a, 0x21]) == 14)  // 12 | 10
        #expect(try Self.value([0x3c, 0x3a, 0x27]) == 6)  // 12 ^ 10
        #expect(try Self.value([0x36, 0x37, 0x1e]) == 42)  // 6 * 7
        #expect(try Self.value([0x35, 0x1f]) == 0xffff_fffb)  // -5
        #expect(try Self.value([0x30, 0x20]) == 0xffff_ffff)  // ~0
        #expect(try Self.value([0x09, 0xfb, 0x19]) == 5)  // abs(-5)
        #expect(try Self.value([0x35, 0x23, 0x0c]) == 17)  // 5 + plus_uconst 12
        #expect(try Self.value([0x34, 0x31, 0x22]) == 5)  // 4 + 1
        #expect(try Self.value([0x0c, 0xff, 0xff, 0xff, 0xff, 0x31, 0x22]) == 0)  // wraps at 32 bits
        #expect(try Self.value([0x10] + uleb(5_000_000_000)) == 5_000_000_000)  // too wide for 32: 64-bit
    }

    @Test("comparisons are signed at the value's width: a wasm i32 of -1 is less than 0")
    func comparisons() throws {
        let minusOne = FakeFrame(locals: [.i32(0xffff_ffff)])
        #expect(try Self.value([0xed, 0x00, 0x00, 0x11, 0x00, 0x2b], frame: minusOne) == 0)  // local0 > 0
        #expect(try Self.value([0xed, 0x00, 0x00, 0x11, 0x00, 0x2d], frame: minusOne) == 1)  // local0 < 0
        let big = FakeFrame(locals: [.i64(0xffff_ffff)])
        #expect(try Self.value([0xed, 0x00, 0x00, 0x11, 0x00, 0x2b], frame: big) == 1)  // 4294967295 > 0 in 64 bits
        #expect(try Self.value([0x33, 0x33, 0x29]) == 1)
        #expect(try Self.value([0x33, 0x34, 0x2e]) == 1)
        #expect(try Self.value([0x33, 0x34, 0x2a]) == 0)
        #expect(try Self.value([0x33, 0x34, 0x2c]) == 1)
    }

    @Test("stack operations: dup, drop, over, pick, swap, rot")
    func stackOperations() throws {
        #expect(try Self.value([0x33, 0x12, 0x22]) == 6)  // 3 dup plus
        #expect(try Self.value([0x33, 0x34, 0x13]) == 3)  // 3 4 drop
        #expect(try Self.value([0x33, 0x34, 0x14]) == 3)  // 3 4 over
        #expect(try Self.value([0x33, 0x34, 0x35, 0x15, 0x02]) == 3)  // pick 2
        #expect(try Self.value([0x33, 0x34, 0x16, 0x1c]) == 1)  // 3 4 swap minus = 4 - 3
        #expect(try Self.value([0x31, 0x32, 0x33, 0x17, 0x13, 0x13]) == 3)  // 1 2 3 rot -> 3 1 2; drop drop
    }

    @Test("branches: bra taken and not taken, skip, and a loop stopped by the step limit")
    func branches() throws {
        // lit1 bra +1 (over lit5) lit7: 7; lit0 bra +1 lit5 lit7: top is 7 with 5 below.
        #expect(try Self.value([0x31, 0x28, 0x01, 0x00, 0x35, 0x37]) == 7)
        #expect(try Self.value([0x30, 0x28, 0x01, 0x00, 0x35, 0x37, 0x1c]) == 0xffff_fffe)
        #expect(try Self.value([0x2f, 0x01, 0x00, 0x35, 0x37]) == 7)
        #expect(throws: VariableReadError("location expression runs more than 10000 steps")) {
            try Self.evaluate([0x2f, 0xfd, 0xff])  // skip -3: itself, forever
        }
        #expect(throws: VariableReadError("location expression branches into the middle of an operation")) {
            try Self.evaluate([0x2f, 0x01, 0x00, 0x0a, 0x01, 0x00])
        }
    }

    @Test("wasm locations alone are the slot itself; followed by operations, the slot's value")
    func wasmLocations() throws {
        #expect(try Self.evaluate([0xed, 0x00, 0x02]) == .local(2))
        #expect(try Self.evaluate([0xed, 0x01, 0x03]) == .global(3))
        #expect(try Self.evaluate([0xed, 0x03, 0x05, 0x00, 0x00, 0x00]) == .global(5))  // fixed u32 index
        #expect(try Self.evaluate([0xed, 0x02, 0x01]) == .operandStack(1))
        let frame = FakeFrame(locals: [.i32(0x1000)], globals: [.i32(0x2000)])
        #expect(try Self.evaluate([0xed, 0x00, 0x00, 0x23, 0x0c, 0x9f], frame: frame) == .value(0x100c))
        #expect(try Self.evaluate([0xed, 0x03, 0x00, 0x00, 0x00, 0x00, 0x9f], frame: frame) == .value(0x2000))
        #expect(throws: VariableReadError("the wasm operand stack (slot 0) is not available")) {
            try Self.evaluate([0xed, 0x02, 0x00, 0x9f], frame: frame)
        }
        #expect(throws: VariableReadError("DW_OP_WASM_location of unknown kind 9")) {
            try Self.evaluate([0xed, 0x09, 0x00])
        }
    }

    @Test("memory: DW_OP_fbreg from the frame base, DW_OP_addr, deref and deref_size, bounds checked")
    func memory() throws {
        var frame = FakeFrame(locals: [.i32(0), .i32(0x1000)])
        frame.store([0x78, 0x56, 0x34, 0x12], at: 0x1010)
        #expect(try Self.evaluate([0x91, 0x10], frame: frame, frameBase: true) == .memory(address: 0x1010))
        #expect(try Self.evaluate([0x91] + sleb(-16), frame: frame, frameBase: true) == .memory(address: 0xff0))
        #expect(try Self.evaluate([0x03, 0x10, 0x10, 0x00, 0x00], frame: frame) == .memory(address: 0x1010))
        #expect(try Self.value([0x03, 0x10, 0x10, 0x00, 0x00, 0x06], frame: frame) == 0x1234_5678)
        #expect(try Self.value([0x03, 0x11, 0x10, 0x00, 0x00, 0x94, 0x02], frame: frame) == 0x3456)
        #expect(throws: VariableReadError("4 bytes at 0xfffff000 are outside linear memory")) {
            try Self.evaluate([0x0c, 0x00, 0xf0, 0xff, 0xff, 0x06, 0x9f], frame: frame)
        }
        #expect(throws: VariableReadError("the function has no frame base here (DW_AT_frame_base)")) {
            try Self.evaluate([0x91, 0x10], frame: frame)
        }
        #expect(try Self.evaluate([0x03, 0xff, 0xff, 0xff, 0xff]) == .optimizedOut)  // the linker's tombstone
    }

    @Test("pieces, implicit values and an empty expression")
    func composites() throws {
        let frame = FakeFrame(locals: [.i32(0x0403_0201), .i32(0x0807_0605)])
        let pieces = try Self.evaluate([0xed, 0x00, 0x00, 0x93, 0x04, 0xed, 0x00, 0x01, 0x93, 0x04], frame: frame)
        #expect(
            pieces == .pieces([.init(location: .local(0), byteCount: 4), .init(location: .local(1), byteCount: 4)]))
        let evaluator = LocationEvaluator(types: DebugTypeTable([:]))
        #expect(try evaluator.bytes(at: pieces, count: 8, frame: frame) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(try Self.evaluate([0x9e, 0x02, 0xaa, 0xbb]) == .bytes([0xaa, 0xbb]))
        #expect(try Self.evaluate([]) == .optimizedOut)
        #expect(throws: VariableReadError("optimized out")) {
            try evaluator.bytes(at: .optimizedOut, count: 4, frame: frame)
        }
        #expect(throws: VariableReadError("local 0 holds 4 bytes, the type needs 8")) {
            try evaluator.bytes(at: .local(0), count: 8, frame: frame)
        }
    }

    @Test("malformed and unsupported expressions are errors, not crashes")
    func errors() throws {
        #expect(throws: VariableReadError("location expression pops an empty stack")) { try Self.evaluate([0x22]) }
        #expect(throws: VariableReadError("location expression divides by zero")) {
            try Self.evaluate([0x31, 0x30, 0x1b])
        }
        #expect(throws: VariableReadError("location expression divides by zero")) {
            try Self.evaluate([0x31, 0x30, 0x1d])
        }
        #expect(throws: VariableReadError("malformed location expression: unknown DWARF operation 0xff")) {
            try Self.evaluate([0xff])
        }
        #expect(
            throws: VariableReadError(
                "malformed location expression: length 4 runs past the end of the data (0 bytes left)")
        ) {
            try Self.evaluate([0x0c])
        }
        #expect(throws: VariableReadError("DW_OP_reg3 names a machine register; wasm has none")) {
            try Self.evaluate([0x53])
        }
        #expect(throws: VariableReadError("location expression continues after its value was complete")) {
            try Self.evaluate([0x31, 0x9f, 0x31])
        }
        #expect(throws: VariableReadError("DW_OP_call_frame_cfa is not supported in wasm locations")) {
            try Self.evaluate([0x9c])
        }
        #expect(throws: VariableReadError("DW_OP_addrx needs .debug_addr, which the unit does not name")) {
            try Self.evaluate([0xa1, 0x00])
        }
    }

    @Test("expressions print as llvm-dwarfdump prints them")
    func descriptions() {
        func text(_ bytes: [UInt8]) -> String { LocationExpression(bytes: bytes, encoding: Self.encoding).description }
        #expect(text([0x91, 0x1c]) == "DW_OP_fbreg +28")
        #expect(text([0x91] + sleb(-8)) == "DW_OP_fbreg -8")
        #expect(text([0xed, 0x00, 0x01, 0x9f]) == "DW_OP_WASM_location 0x0 0x1, DW_OP_stack_value")
        #expect(text([0xed, 0x03, 0x00, 0x00, 0x00, 0x00]) == "DW_OP_WASM_location 0x3 0x0")
        #expect(text([0x03, 0x0c, 0x04, 0x00, 0x00]) == "DW_OP_addr 0x40c")
        #expect(text([0x11, 0x00, 0x2b, 0x10, 0x01, 0x1a]) == "DW_OP_consts +0, DW_OP_gt, DW_OP_constu 0x1, DW_OP_and")
        #expect(text([0x9e, 0x02, 0xaa, 0x0b]) == "DW_OP_implicit_value 0x2 0xaa 0x0b")
        #expect(text([0xa8, 0x2b]) == "DW_OP_convert (0x0000002b)")
        #expect(text([0x93, 0x04, 0x37]) == "DW_OP_piece 0x4, DW_OP_lit7")
        #expect(text([0xff]).hasPrefix("<malformed expression: unknown DWARF operation 0xff"))
    }
}
