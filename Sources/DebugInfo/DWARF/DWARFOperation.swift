/// One decoded operation of a DWARF expression (DW_OP_*), including WebAssembly's
/// DW_OP_WASM_location (0xED).
public struct DWARFOperation: Sendable, Equatable {
    public enum Operand: Sendable, Equatable {
        case unsigned(UInt64)
        case signed(Int64)
        case block([UInt8])
    }

    /// Where the operation starts in its expression.
    public let offset: Int
    public let opcode: UInt8
    public let operands: [Operand]

    static let wasmLocation: UInt8 = 0xed

    /// `DW_OP_fbreg`, `DW_OP_lit3`, `DW_OP_WASM_location`, or `DW_OP_0x..` for unknown opcodes.
    public var name: String { Self.name(of: opcode) }

    /// How each operand is encoded.
    private enum Encoding {
        case u8, s8, u16, s16, u32, s32, u64, s64, uleb, sleb
        case address
        case sectionOffset
        /// A ULEB128 length and that many bytes.
        case lengthPrefixedBlock
        /// A base type DIE, by its offset in the unit (ULEB128).
        case baseType
        /// DW_OP_const_type's constant: a one-byte length and that many bytes.
        case sizedBlock
        /// DW_OP_WASM_location's index: a fixed u32 for kind 3, else ULEB128.
        case wasmIndex
    }

    private static func encodings(_ opcode: UInt8) -> [Encoding]? {
        switch opcode {
        case 0x03: [.address]
        case 0x08: [.u8]
        case 0x09: [.s8]
        case 0x0a: [.u16]
        case 0x0b: [.s16]
        case 0x0c: [.u32]
        case 0x0d: [.s32]
        case 0x0e: [.u64]
        case 0x0f: [.s64]
        case 0x10, 0x23, 0x90, 0x93, 0xa1, 0xa2, 0xfb, 0xfc: [.uleb]
        case 0x11, 0x91: [.sleb]
        case 0x15, 0x94, 0x95: [.u8]
        case 0x28, 0x2f: [.s16]
        case 0x70...0x8f: [.sleb]
        case 0x92: [.uleb, .sleb]
        case 0x98: [.u16]
        case 0x99: [.u32]
        case 0x9a: [.sectionOffset]
        case 0x9d: [.uleb, .uleb]
        case 0x9e: [.lengthPrefixedBlock]
        case 0xa0: [.sectionOffset, .sleb]
        case 0xa3, 0xf3: [.lengthPrefixedBlock]
        case 0xa4: [.baseType, .sizedBlock]
        case 0xa5: [.uleb, .baseType]
        case 0xa6, 0xa7: [.u8, .baseType]
        case 0xa8, 0xa9: [.baseType]
        case wasmLocation: [.uleb, .wasmIndex]
        case 0x06, 0x12, 0x13, 0x14, 0x16...0x22, 0x24...0x27, 0x29...0x2e, 0x30...0x6f, 0x96, 0x97, 0x9b, 0x9c,
            0x9f, 0xe0:
            []
        default: nil
        }
    }

    static func decode(_ bytes: [UInt8], encoding: ExpressionEncoding) throws(DWARFError) -> [DWARFOperation] {
        let section = DWARFSection(name: "location expression", bytes: bytes)
        var cursor = try section.cursor(at: 0)
        var operations: [DWARFOperation] = []
        while !cursor.isAtEnd {
            let start = cursor.position
            let opcode = try cursor.u8()
            guard let kinds = encodings(opcode) else {
                throw cursor.error("unknown DWARF operation 0x\(String(opcode, radix: 16))", at: start)
            }
            var operands: [Operand] = []
            for kind in kinds {
                operands.append(try read(kind, &cursor, encoding: encoding, previous: operands))
            }
            operations.append(DWARFOperation(offset: start, opcode: opcode, operands: operands))
        }
        return operations
    }

    private static func read(
        _ kind: Encoding, _ cursor: inout DWARFCursor, encoding: ExpressionEncoding, previous: [Operand]
    ) throws(DWARFError) -> Operand {
        switch kind {
        case .u8: return .unsigned(try cursor.fixed(1))
        case .s8: return .signed(Int64(Int8(truncatingIfNeeded: try cursor.fixed(1))))
        case .u16: return .unsigned(try cursor.fixed(2))
        case .s16: return .signed(Int64(Int16(truncatingIfNeeded: try cursor.fixed(2))))
        case .u32: return .unsigned(try cursor.fixed(4))
        case .s32: return .signed(Int64(Int32(truncatingIfNeeded: try cursor.fixed(4))))
        case .u64: return .unsigned(try cursor.fixed(8))
        case .s64: return .signed(Int64(bitPattern: try cursor.fixed(8)))
        case .uleb, .baseType: return .unsigned(try cursor.uleb())
        case .sleb: return .signed(try cursor.sleb())
        case .address: return .unsigned(try cursor.fixed(encoding.addressSize))
        case .sectionOffset:
            return .unsigned(
                try cursor.fixed(encoding.version <= 2 ? encoding.addressSize : encoding.format.offsetSize))
        case .lengthPrefixedBlock: return .block(try cursor.bytes(try cursor.uleb()))
        case .sizedBlock: return .block(try cursor.bytes(try cursor.fixed(1)))
        case .wasmIndex:
            if case .unsigned(3) = previous.first { return .unsigned(try cursor.fixed(4)) }
            return .unsigned(try cursor.uleb())
        }
    }

    static func name(of opcode: UInt8) -> String {
        switch opcode {
        case 0x30...0x4f: return "DW_OP_lit\(opcode - 0x30)"
        case 0x50...0x6f: return "DW_OP_reg\(opcode - 0x50)"
        case 0x70...0x8f: return "DW_OP_breg\(opcode - 0x70)"
        default: break
        }
        let names: [UInt8: String] = [
            0x03: "addr", 0x06: "deref", 0x08: "const1u", 0x09: "const1s", 0x0a: "const2u", 0x0b: "const2s",
            0x0c: "const4u", 0x0d: "const4s", 0x0e: "const8u", 0x0f: "const8s", 0x10: "constu", 0x11: "consts",
            0x12: "dup", 0x13: "drop", 0x14: "over", 0x15: "pick", 0x16: "swap", 0x17: "rot", 0x18: "xderef",
            0x19: "abs", 0x1a: "and", 0x1b: "div", 0x1c: "minus", 0x1d: "mod", 0x1e: "mul", 0x1f: "neg",
            0x20: "not", 0x21: "or", 0x22: "plus", 0x23: "plus_uconst", 0x24: "shl", 0x25: "shr", 0x26: "shra",
            0x27: "xor", 0x28: "bra", 0x29: "eq", 0x2a: "ge", 0x2b: "gt", 0x2c: "le", 0x2d: "lt", 0x2e: "ne",
            0x2f: "skip", 0x90: "regx", 0x91: "fbreg", 0x92: "bregx", 0x93: "piece", 0x94: "deref_size",
            0x95: "xderef_size", 0x96: "nop", 0x97: "push_object_address", 0x98: "call2", 0x99: "call4",
            0x9a: "call_ref", 0x9b: "form_tls_address", 0x9c: "call_frame_cfa", 0x9d: "bit_piece",
            0x9e: "implicit_value", 0x9f: "stack_value", 0xa0: "implicit_pointer", 0xa1: "addrx", 0xa2: "constx",
            0xa3: "entry_value", 0xa4: "const_type", 0xa5: "regval_type", 0xa6: "deref_type", 0xa7: "xderef_type",
            0xa8: "convert", 0xa9: "reinterpret", 0xe0: "GNU_push_tls_address", 0xed: "WASM_location",
            0xf3: "GNU_entry_value", 0xfb: "GNU_addr_index", 0xfc: "GNU_const_index",
        ]
        return "DW_OP_" + (names[opcode] ?? "0x" + String(opcode, radix: 16))
    }

    /// Prints an expression as llvm-dwarfdump does: operations joined by ", ", unsigned operands
    /// in hex, signed ones with a sign, base types as `(0x0000002b) "name"`. An expression that
    /// does not decode prints what decoded and then the error.
    static func describe(
        _ bytes: [UInt8], encoding: ExpressionEncoding, baseTypeName: (UInt64) -> String?
    ) -> String {
        let operations: [DWARFOperation]
        do throws(DWARFError) {
            operations = try decode(bytes, encoding: encoding)
        } catch {
            return "<malformed expression: \(error.message)>"
        }
        return operations.map { operation in
            var text = operation.name
            let kinds = encodings(operation.opcode) ?? []
            for (kind, operand) in zip(kinds, operation.operands) {
                switch (kind, operand) {
                case (.baseType, .unsigned(let offset)):
                    if operation.opcode == 0xa8 && offset == 0 {
                        text += " 0x0"
                    } else {
                        let absolute = encoding.unitOffset &+ offset
                        text += " (0x" + hex(absolute, width: 8) + ")"
                        if let name = baseTypeName(absolute) { text += " \"\(name)\"" }
                    }
                case (.lengthPrefixedBlock, .block(let block))
                where operation.opcode == 0xa3 || operation.opcode == 0xf3:
                    text += "(" + describe(block, encoding: encoding, baseTypeName: baseTypeName) + ")"
                case (.lengthPrefixedBlock, .block(let block)):
                    text += " 0x" + String(block.count, radix: 16)
                    text += block.map { " 0x" + hex(UInt64($0), width: 2) }.joined()
                case (_, .block(let block)):
                    text += block.map { " 0x" + hex(UInt64($0), width: 2) }.joined()
                case (_, .unsigned(let value)):
                    text += " 0x" + String(value, radix: 16)
                case (_, .signed(let value)):
                    text += value < 0 ? " \(value)" : " +\(value)"
                }
            }
            return text
        }.joined(separator: ", ")
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
