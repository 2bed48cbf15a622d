/// Evaluates DWARF location expressions against a paused wasm frame: the DWARF 5 stack
/// machine (section 2.5) with WebAssembly's DW_OP_WASM_location, bounded in steps and stack.
struct LocationEvaluator {
    static let maximumSteps = 10_000
    static let maximumStackDepth = 1_000
    /// The most bytes one variable read asks the frame for.
    static let maximumReadSize = 1 << 20

    let types: DebugTypeTable

    /// A stack entry: its bits and its width in bits (the generic type is address-sized;
    /// values read from 64-bit wasm locals are 64 bits wide).
    private struct Entry {
        var bits: UInt64
        var width: Int

        init(_ bits: UInt64, width: Int) {
            self.width = width
            self.bits = width >= 64 ? bits : bits & ((1 << UInt64(width)) - 1)
        }

        var signed: Int64 {
            guard width < 64 else { return Int64(bitPattern: bits) }
            let shift = UInt64(64 - width)
            return Int64(bitPattern: bits << shift) >> Int64(shift)
        }
    }

    func location(
        of description: LocationDescription, at pc: CodeOffset, frameBase: LocationDescription?,
        frame: some WasmFrameReader
    ) throws(VariableReadError) -> VariableLocation {
        switch description {
        case .constant(let bytes):
            return .bytes(bytes)
        case .unavailable:
            return .optimizedOut
        case .expression, .list:
            guard let expression = description.expression(at: pc) else { return .optimizedOut }
            return try evaluate(expression, at: pc, frameBase: frameBase, frame: frame)
        }
    }

    func evaluate(
        _ expression: LocationExpression, at pc: CodeOffset, frameBase: LocationDescription?,
        frame: some WasmFrameReader, isFrameBase: Bool = false
    ) throws(VariableReadError) -> VariableLocation {
        let operations: [DWARFOperation]
        do throws(DWARFError) {
            operations = try expression.operations()
        } catch {
            throw VariableReadError("malformed location expression: \(error.message)")
        }
        let encoding = expression.encoding
        let generic = encoding.addressSize * 8
        var stack: [Entry] = []
        var pieces: [VariableLocation.Piece] = []
        // Set by an operation that ends a simple location (a register, stack_value, implicit_value).
        var finished: VariableLocation?
        var index = 0
        var steps = 0

        func pop() throws(VariableReadError) -> Entry {
            guard let top = stack.popLast() else { throw VariableReadError("location expression pops an empty stack") }
            return top
        }
        func push(_ entry: Entry) throws(VariableReadError) {
            guard stack.count < Self.maximumStackDepth else {
                throw VariableReadError("location expression stack overflow")
            }
            stack.append(entry)
        }
        func constant(_ value: UInt64) -> Entry {
            Entry(value, width: generic < 64 && value >> UInt64(generic) != 0 ? 64 : generic)
        }
        func signedConstant(_ value: Int64) -> Entry {
            let fits = generic >= 64 || (value >= -(1 << Int64(generic - 1)) && value < (1 << Int64(generic - 1)))
            return Entry(UInt64(bitPattern: value), width: fits ? generic : 64)
        }
        func jump(by delta: Int64) throws(VariableReadError) -> Int {
            let next = index + 1 < operations.count ? operations[index + 1].offset : expression.bytes.count
            let target = Int64(next) + delta
            if target == Int64(expression.bytes.count) { return operations.count }
            guard let found = operations.firstIndex(where: { Int64($0.offset) == target }) else {
                throw VariableReadError("location expression branches into the middle of an operation")
            }
            return found
        }

        while index < operations.count {
            steps += 1
            guard steps <= Self.maximumSteps else {
                throw VariableReadError("location expression runs more than \(Self.maximumSteps) steps")
            }
            let operation = operations[index]
            let opcode = operation.opcode
            let unsigned = operation.operands.compactMap { if case .unsigned(let v) = $0 { v } else { nil } }
            let signed = operation.operands.compactMap { if case .signed(let v) = $0 { v } else { nil } }
            if finished != nil && opcode != 0x93 {
                throw VariableReadError("location expression continues after its value was complete")
            }
            var next = index + 1
            switch opcode {
            case 0x03:  // DW_OP_addr
                // wasm-ld writes -1 for data it removed (an unused global).
                if Entry(unsigned[0], width: generic).bits == Entry(UInt64.max, width: generic).bits {
                    return .optimizedOut
                }
                try push(Entry(unsigned[0], width: generic))
            case 0x06:  // DW_OP_deref
                let address = try pop()
                try push(
                    Entry(try readInteger(at: address.bits, size: encoding.addressSize, frame: frame), width: generic))
            case 0x08, 0x0a, 0x0c, 0x0e, 0x10:  // DW_OP_const1u ... DW_OP_const8u, DW_OP_constu
                try push(constant(unsigned[0]))
            case 0x09, 0x0b, 0x0d, 0x0f, 0x11:  // DW_OP_const1s ... DW_OP_const8s, DW_OP_consts
                try push(signedConstant(signed[0]))
            case 0x12:  // DW_OP_dup
                let top = try pop()
                try push(top)
                try push(top)
            case 0x13:  // DW_OP_drop
                _ = try pop()
            case 0x14, 0x15:  // DW_OP_over, DW_OP_pick
                let depth = opcode == 0x14 ? 1 : Int(unsigned[0])
                guard depth < stack.count else { throw VariableReadError("location expression picks below the stack") }
                try push(stack[stack.count - 1 - depth])
            case 0x16:  // DW_OP_swap
                let top = try pop()
                let second = try pop()
                try push(top)
                try push(second)
            case 0x17:  // DW_OP_rot
                let first = try pop()
                let second = try pop()
                let third = try pop()
                try push(first)
                try push(third)
                try push(second)
            case 0x19:  // DW_OP_abs
                let top = try pop()
                try push(Entry(top.signed < 0 ? 0 &- top.bits : top.bits, width: top.width))
            // DW_OP_and, div, minus, mod, mul, or, plus, shl, shr, shra, xor
            case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27:
                let right = try pop()
                let left = try pop()
                try push(try Self.arithmetic(opcode, left, right))
            case 0x1f:  // DW_OP_neg
                let top = try pop()
                try push(Entry(0 &- top.bits, width: top.width))
            case 0x20:  // DW_OP_not
                let top = try pop()
                try push(Entry(~top.bits, width: top.width))
            case 0x23:  // DW_OP_plus_uconst
                let top = try pop()
                try push(Entry(top.bits &+ unsigned[0], width: top.width))
            case 0x28:  // DW_OP_bra
                if try pop().bits != 0 { next = try jump(by: signed[0]) }
            case 0x29...0x2e:  // DW_OP_eq, DW_OP_ge, DW_OP_gt, DW_OP_le, DW_OP_lt, DW_OP_ne
                let right = try pop()
                let left = try pop()
                let result: Bool
                switch opcode {
                case 0x29: result = left.signed == right.signed
                case 0x2a: result = left.signed >= right.signed
                case 0x2b: result = left.signed > right.signed
                case 0x2c: result = left.signed <= right.signed
                case 0x2d: result = left.signed < right.signed
                default: result = left.signed != right.signed
                }
                try push(Entry(result ? 1 : 0, width: generic))
            case 0x2f:  // DW_OP_skip
                next = try jump(by: signed[0])
            case 0x30...0x4f:  // DW_OP_lit0 ... DW_OP_lit31
                try push(Entry(UInt64(opcode - 0x30), width: generic))
            case 0x50...0x8f, 0x90, 0x92:  // DW_OP_reg*, DW_OP_breg*, DW_OP_regx, DW_OP_bregx
                throw VariableReadError("\(operation.name) names a machine register; wasm has none")
            case 0x91:  // DW_OP_fbreg
                guard !isFrameBase else { throw VariableReadError("the frame base is defined by DW_OP_fbreg") }
                let base = try frameBaseValue(frameBase, at: pc, frame: frame)
                try push(Entry(base &+ UInt64(bitPattern: signed[0]), width: generic))
            case 0x93:  // DW_OP_piece
                let location = finished ?? (stack.last.map { .memory(address: $0.bits) } ?? .optimizedOut)
                guard unsigned[0] <= UInt64(Self.maximumReadSize) else {
                    throw VariableReadError("a piece of \(unsigned[0]) bytes is too large")
                }
                pieces.append(.init(location: location, byteCount: Int(unsigned[0])))
                finished = nil
                stack.removeAll()
            case 0x94, 0xa6:  // DW_OP_deref_size, DW_OP_deref_type
                let size = Int(unsigned[0])
                guard (1...8).contains(size) else { throw VariableReadError("\(operation.name) of \(size) bytes") }
                let address = try pop()
                try push(
                    Entry(try readInteger(at: address.bits, size: size, frame: frame), width: max(generic, size * 8)))
            case 0x96:  // DW_OP_nop
                break
            case 0x9e:  // DW_OP_implicit_value
                guard case .block(let bytes) = operation.operands[0] else { break }
                finished = .bytes(bytes)
            case 0x9f:  // DW_OP_stack_value
                finished = .value(try pop().bits)
            case 0xa1, 0xa2, 0xfb, 0xfc:  // DW_OP_addrx, DW_OP_constx, DW_OP_GNU_addr_index, DW_OP_GNU_const_index
                guard let table = encoding.addresses else {
                    throw VariableReadError("\(operation.name) needs .debug_addr, which the unit does not name")
                }
                let address: UInt64
                do throws(DWARFError) {
                    address = try table.address(at: unsigned[0])
                } catch {
                    throw VariableReadError("\(operation.name) \(unsigned[0]): \(error.message)")
                }
                try push(Entry(address, width: generic))
            case 0xa4:  // DW_OP_const_type
                guard case .block(let bytes) = operation.operands[1], bytes.count <= 8 else {
                    throw VariableReadError("DW_OP_const_type constant larger than 8 bytes")
                }
                try push(Entry(Self.littleEndian(bytes), width: max(8, bytes.count * 8)))
            case 0xa8, 0xa9:  // DW_OP_convert, DW_OP_reinterpret
                let top = try pop()
                let width = try convertedWidth(baseType: unsigned[0], encoding: encoding) ?? generic
                try push(Entry(top.bits, width: width))
            case DWARFOperation.wasmLocation:
                let kind = unsigned[0]
                guard kind <= 3, let slot = UInt32(exactly: unsigned[1]) else {
                    throw VariableReadError("DW_OP_WASM_location of unknown kind \(kind)")
                }
                let endsLocation = index + 1 == operations.count || operations[index + 1].opcode == 0x93
                if endsLocation {
                    finished = kind == 0 ? .local(slot) : kind == 2 ? .operandStack(slot) : .global(slot)
                } else {
                    let value = try read(wasmSlot: kind, slot, frame: frame)
                    try push(Entry(value.bits, width: value.byteCount * 8))
                }
            default:
                throw VariableReadError("\(operation.name) is not supported in wasm locations")
            }
            index = next
        }
        if !pieces.isEmpty { return .pieces(pieces) }
        if let finished { return finished }
        guard let top = stack.last else { return .optimizedOut }
        return .memory(address: Entry(top.bits, width: generic).bits)
    }

    private static func arithmetic(_ opcode: UInt8, _ left: Entry, _ right: Entry) throws(VariableReadError) -> Entry {
        let width = max(left.width, right.width)
        let a = left.bits
        let b = right.bits
        switch opcode {
        case 0x1a: return Entry(a & b, width: width)
        case 0x1b:
            let divisor = Entry(b, width: width).signed
            guard divisor != 0 else { throw VariableReadError("location expression divides by zero") }
            let (quotient, _) = Entry(a, width: width).signed.dividedReportingOverflow(by: divisor)
            return Entry(UInt64(bitPattern: quotient), width: width)
        case 0x1c: return Entry(a &- b, width: width)
        case 0x1d:
            guard b != 0 else { throw VariableReadError("location expression divides by zero") }
            return Entry(a % b, width: width)
        case 0x1e: return Entry(a &* b, width: width)
        case 0x21: return Entry(a | b, width: width)
        case 0x22: return Entry(a &+ b, width: width)
        case 0x24: return Entry(b >= 64 ? 0 : a << b, width: left.width)
        case 0x25: return Entry(b >= 64 ? 0 : left.bits >> b, width: left.width)
        case 0x26: return Entry(UInt64(bitPattern: left.signed >> Int64(min(b, 63))), width: left.width)
        default: return Entry(a ^ b, width: width)
        }
    }

    /// The width DW_OP_convert/reinterpret gives a value: its base type's size; nil for the
    /// generic type (offset 0).
    private func convertedWidth(baseType offset: UInt64, encoding: ExpressionEncoding) throws(VariableReadError) -> Int?
    {
        guard offset != 0 else { return nil }
        let id = DebugTypeID(offset: encoding.unitOffset &+ offset)
        guard let type = types[id], case .base(_, _, let size) = type.kind, (1...8).contains(size) else {
            throw VariableReadError("DW_OP_convert names no usable base type at \(id)")
        }
        return size * 8
    }

    private func read(wasmSlot kind: UInt64, _ slot: UInt32, frame: some WasmFrameReader) throws(VariableReadError)
        -> WasmValue
    {
        switch kind {
        case 0: try frame.local(slot)
        case 2: try frame.operandStack(slot)
        default: try frame.global(slot)
        }
    }

    private func readInteger(at address: UInt64, size: Int, frame: some WasmFrameReader) throws(VariableReadError)
        -> UInt64
    {
        Self.littleEndian(try frame.memory(at: address, count: size))
    }

    /// The value DW_OP_fbreg adds to: the function's frame base evaluated. At -O0 clang names
    /// a wasm local holding the frame pointer (`DW_OP_WASM_location 0x0 N, DW_OP_stack_value`).
    func frameBaseValue(_ frameBase: LocationDescription?, at pc: CodeOffset, frame: some WasmFrameReader)
        throws(VariableReadError) -> UInt64
    {
        guard let frameBase, let expression = frameBase.expression(at: pc) else {
            throw VariableReadError("the function has no frame base here (DW_AT_frame_base)")
        }
        switch try evaluate(expression, at: pc, frameBase: nil, frame: frame, isFrameBase: true) {
        case .value(let value), .memory(let value): return value
        case .local(let index): return try frame.local(index).bits
        case .global(let index): return try frame.global(index).bits
        case .operandStack(let index): return try frame.operandStack(index).bits
        default: throw VariableReadError("the frame base is not a single value")
        }
    }

    /// The bytes of a value `count` bytes long at `location`.
    func bytes(at location: VariableLocation, count: Int, frame: some WasmFrameReader) throws(VariableReadError)
        -> [UInt8]
    {
        guard count >= 0, count <= Self.maximumReadSize else {
            throw VariableReadError("a value of \(count) bytes is too large to read")
        }
        switch location {
        case .memory(let address):
            let bytes = try frame.memory(at: address, count: count)
            guard bytes.count == count else {
                throw VariableReadError(
                    "memory at 0x\(String(address, radix: 16)) gave \(bytes.count) of \(count) bytes")
            }
            return bytes
        case .local(let index):
            return try Self.prefix(try frame.local(index), count, "local \(index)")
        case .global(let index):
            return try Self.prefix(try frame.global(index), count, "global \(index)")
        case .operandStack(let index):
            return try Self.prefix(try frame.operandStack(index), count, "operand stack slot \(index)")
        case .value(let bits):
            return try Self.prefix(Self.bytes(of: bits, count: 8), count, "the computed value")
        case .bytes(let bytes):
            return try Self.prefix(bytes, count, "the constant")
        case .pieces(let pieces):
            var result: [UInt8] = []
            for piece in pieces {
                guard result.count + piece.byteCount <= Self.maximumReadSize else {
                    throw VariableReadError("a value of more than \(Self.maximumReadSize) bytes is too large to read")
                }
                if case .optimizedOut = piece.location {
                    throw VariableReadError("part of the value is optimized out")
                }
                result += try bytes(at: piece.location, count: piece.byteCount, frame: frame)
            }
            return try Self.prefix(result, count, "the pieces")
        case .optimizedOut:
            throw VariableReadError("optimized out")
        }
    }

    private static func prefix(_ value: WasmValue, _ count: Int, _ what: String) throws(VariableReadError) -> [UInt8] {
        try prefix(bytes(of: value.bits, count: value.byteCount), count, what)
    }

    private static func prefix(_ bytes: [UInt8], _ count: Int, _ what: String) throws(VariableReadError) -> [UInt8] {
        guard count <= bytes.count else {
            throw VariableReadError("\(what) holds \(bytes.count) bytes, the type needs \(count)")
        }
        return Array(bytes.prefix(count))
    }

    static func bytes(of bits: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: bits >> UInt64(8 * $0)) }
    }

    static func littleEndian(_ bytes: [UInt8]) -> UInt64 {
        bytes.prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
