import WasmComponent

/// Writes single instructions of a core module as `wasm-tools print` (1.262) writes them in its
/// function bodies, for `stepi`: `local.get $x`, `call $square`, `br_if 1 (;@1;)`,
/// `block ;; label = @2`, `i32.load offset=4 align=1`, `f64.const 0x1.2p+1 (;=2.25;)`.
///
/// Labels depend on where an instruction sits, so a body is decoded from its first
/// instruction up to the one asked for. Every opcode `InstructionScanner` accepts is known;
/// anything else, or bytes that do not decode, answer nil.
package struct InstructionPrinter: Sendable {
    private struct Body: Sendable {
        let index: UInt32
        /// Positions in `bytes`: the local declarations, the first instruction, the end.
        let start: Int
        let firstInstruction: Int
        let end: Int
    }

    private let bytes: [UInt8]
    /// The Code section payload's offset in the module: code offsets count from it.
    package let codeStart: Int
    private let bodies: [Body]
    private let names: ModuleNames
    /// The type section's content: a block type given by index is written with its signature.
    private let types: Range<Int>?

    /// The code offset of each function body's first instruction, in code-section order.
    package var firstInstructions: [UInt32] { bodies.map { UInt32($0.firstInstruction - codeStart) } }

    /// Nil when the module's sections cannot be read far enough to find its code.
    package init?(module: [UInt8]) {
        guard module.count >= 8 else { return nil }
        var position = 8
        var importedFunctions: UInt32 = 0
        var codeRange: Range<Int>?
        var names = ModuleNames()
        var types: Range<Int>?
        while position < module.count {
            var reader = NameSectionReader(bytes: module[...], position: position)
            guard let id = reader.byte(), let size = reader.u32(), size <= reader.remaining else { return nil }
            let content = reader.position..<(reader.position + size)
            switch id {
            case 0:
                var custom = NameSectionReader(bytes: module[content], position: content.lowerBound)
                if custom.name() == "name" {
                    names = ModuleNames(section: module[custom.position..<content.upperBound])
                }
            case 1:
                types = content
            case 2:
                importedFunctions = Self.importedFunctionCount(module[content]) ?? 0
            case 10:
                codeRange = content
            default:
                break
            }
            position = content.upperBound
        }
        guard let codeRange else { return nil }
        var reader = ModuleByteReader(module[...])
        guard (try? reader.skip(codeRange.lowerBound, "")) != nil,
            let count = try? reader.readVarUInt32("")
        else { return nil }
        var bodies: [Body] = []
        for ordinal in 0..<count {
            guard let size = try? reader.readVarUInt32(""), Int(size) <= codeRange.upperBound - reader.position,
                var body = try? reader.limited(to: Int(size), ""), (try? reader.skip(Int(size), "")) != nil
            else { break }
            let start = body.position
            guard (try? ProbePlan.readLocals(&body)) != nil else { break }
            bodies.append(
                Body(index: importedFunctions &+ ordinal, start: start, firstInstruction: body.position, end: body.end))
        }
        self.bytes = module
        self.codeStart = codeRange.lowerBound
        self.bodies = bodies
        self.names = names
        self.types = types
    }

    /// The instruction starting at a code offset, or nil when none does.
    package func instruction(at offset: UInt32) -> String? {
        let position = codeStart + Int(offset)
        guard let body = bodies.last(where: { $0.start <= position }), position < body.end,
            position >= body.firstInstruction
        else { return nil }
        var reader = ModuleByteReader(bytes[..<body.end])
        guard (try? reader.skip(body.firstInstruction, "")) != nil else { return nil }
        var state = State(function: body.index)
        while reader.position < position {
            guard (try? decode(&reader, &state, printing: false)) != nil else { return nil }
        }
        guard reader.position == position else { return nil }
        return try? decode(&reader, &state, printing: true)
    }

    /// The instructions of the function containing a code offset, each with its offset and its
    /// nesting (as `wasm-tools print` indents it), up to `limit`; empty when it does not decode.
    package func instructions(inFunctionContaining offset: UInt32, limit: Int)
        -> [(offset: UInt32, depth: Int, text: String)]
    {
        let position = codeStart + Int(offset)
        guard let body = bodies.last(where: { $0.start <= position }), position < body.end else { return [] }
        var reader = ModuleByteReader(bytes[..<body.end])
        guard (try? reader.skip(body.firstInstruction, "")) != nil else { return [] }
        var state = State(function: body.index)
        var list: [(offset: UInt32, depth: Int, text: String)] = []
        while reader.position < body.end && list.count < limit {
            let start = reader.position
            let opcode = bytes[start]
            // `end`, `else`, `catch`, `catch_all` and `delegate` close (or split) a block: one level out.
            let closes = [0x05, 0x07, 0x0B, 0x18, 0x19].contains(opcode)
            let depth = max(0, state.open.count - (closes ? 1 : 0))
            guard let text = try? decode(&reader, &state, printing: true) else { break }
            list.append((UInt32(start - codeStart), depth, text))
        }
        return list
    }

    /// Where a decoding is inside a body: open labels and how many blocks came before.
    private struct State {
        let function: UInt32
        /// The label number of each open block, innermost last.
        var open: [UInt32] = []
        var labelCount: UInt32 = 0
    }

    /// Reads one instruction, updating the state; its text when `printing` (else empty).
    private func decode(_ reader: inout ModuleByteReader, _ state: inout State, printing: Bool)
        throws(InstrumentationError) -> String
    {
        let opcodeOffset = reader.offset
        let opcode = try reader.readByte("an opcode")
        var text = ""
        func name(_ table: [String?], _ code: Int, _ prefix: UInt8) throws(InstrumentationError) -> String {
            guard code < table.count, let name = table[code] else {
                throw InstrumentationError(
                    .unknownOpcode("0x\(String(prefix, radix: 16)) \(code)"), offset: opcodeOffset)
            }
            return name
        }
        switch opcode {
        case 0x02, 0x03, 0x04, 0x06:  // block, loop, if, try
            let blockType = try blockTypeText(&reader)
            text = try name(InstructionNames.oneByte, Int(opcode), 0) + openBlock(&state, blockType)
        case 0x1F:  // try_table: catch labels count from outside the block
            let blockType = try blockTypeText(&reader)
            var catches = ""
            let count = try reader.readVarUInt32("a catch clause count")
            guard Int(count) <= reader.remaining else { throw reader.error(.truncated("catch clauses")) }
            for _ in 0..<count {
                let kind = try reader.readByte("a catch clause kind")
                guard kind <= 3 else { throw reader.error(.malformed("catch clause kind")) }
                let word = ["catch", "catch_ref", "catch_all", "catch_all_ref"][Int(kind)]
                var tag = ""
                if kind <= 1 { tag = " " + index(.tag, try reader.readVarUInt32("a tag index")) }
                catches += " (" + word + tag + " " + label(try reader.readVarUInt32("a label"), state) + ")"
            }
            let labelName = names.label(state.labelCount, function: state.function)
            text = "try_table" + (labelName.map { " " + $0 } ?? "") + blockType + catches
            state.open.append(state.labelCount)
            state.labelCount += 1
            if labelName == nil { text += " ;; label = @\(state.open.count)" }
        case 0x0B:  // end
            if !state.open.isEmpty { state.open.removeLast() }
            text = "end"
        case 0x05, 0x19:  // else, catch_all
            text = opcode == 0x05 ? "else" : "catch_all"
        case 0x07, 0x08:  // catch, throw
            text = (opcode == 0x07 ? "catch " : "throw ") + index(.tag, try reader.readVarUInt32("a tag index"))
        case 0x18:  // delegate: ends the try; its label counts from outside it
            if !state.open.isEmpty { state.open.removeLast() }
            text = "delegate " + label(try reader.readVarUInt32("a label"), state)
        case 0x09, 0x0C, 0x0D, 0xD5, 0xD6:  // rethrow, br, br_if, br_on_null, br_on_non_null
            text =
                try name(InstructionNames.oneByte, Int(opcode), 0) + " "
                + label(try reader.readVarUInt32("a label"), state)
        case 0x0E:
            let count = try reader.readVarUInt32("a br_table length")
            guard Int(count) < reader.remaining else { throw reader.error(.truncated("br_table labels")) }
            text = "br_table"
            for _ in 0...count { text += " " + label(try reader.readVarUInt32("a label"), state) }
        case 0x10, 0x12:  // call, return_call
            text = (opcode == 0x10 ? "call " : "return_call ") + index(.function, try reader.readVarUInt32("an index"))
        case 0x11, 0x13:  // call_indirect, return_call_indirect
            let type = try reader.readVarUInt32("a type index")
            let table = try reader.readVarUInt32("a table index")
            text =
                (opcode == 0x11 ? "call_indirect" : "return_call_indirect")
                + (table == 0 ? "" : " " + index(.table, table)) + " (type \(index(.type, type)))"
        case 0x14, 0x15:  // call_ref, return_call_ref
            text =
                (opcode == 0x14 ? "call_ref " : "return_call_ref ") + index(.type, try reader.readVarUInt32("a type"))
        case 0x1C:
            let count = try reader.readVarUInt32("a select type count")
            guard Int(count) <= reader.remaining else { throw reader.error(.truncated("select types")) }
            var types: [String] = []
            for _ in 0..<count { types.append(try valueTypeText(&reader)) }
            text = "select (result " + types.joined(separator: " ") + ")"
        case 0x20, 0x21, 0x22:
            let local = try reader.readVarUInt32("a local index")
            text =
                try name(InstructionNames.oneByte, Int(opcode), 0) + " "
                + (names.local(local, function: state.function) ?? String(local))
        case 0x23, 0x24:
            text =
                (opcode == 0x23 ? "global.get " : "global.set ") + index(.global, try reader.readVarUInt32("a global"))
        case 0x25, 0x26:
            text = (opcode == 0x25 ? "table.get " : "table.set ") + index(.table, try reader.readVarUInt32("a table"))
        case 0x28...0x3E:
            text =
                try name(InstructionNames.oneByte, Int(opcode), 0)
                + memArgText(&reader, naturalAlignment: Self.naturalAlignment(load: opcode))
        case 0x3F, 0x40:
            let memory = try reader.readVarUInt32("a memory index")
            text = (opcode == 0x3F ? "memory.size" : "memory.grow") + (memory == 0 ? "" : " " + index(.memory, memory))
        case 0x41:
            text = "i32.const \(try reader.readVarInt(bits: 32, "an i32 constant"))"
        case 0x42:
            text = "i64.const \(try reader.readVarInt(bits: 64, "an i64 constant"))"
        case 0x43:
            text = "f32.const " + WatFloatText.f32(UInt32(truncatingIfNeeded: try littleEndian(&reader, 4)))
        case 0x44:
            text = "f64.const " + WatFloatText.f64(try littleEndian(&reader, 8))
        case 0xD0:
            text = "ref.null " + (try heapTypeText(&reader))
        case 0xD2:
            text = "ref.func " + index(.function, try reader.readVarUInt32("a function index"))
        case 0xFC:
            text = try miscellaneous(&reader, opcodeOffset: opcodeOffset)
        case 0xFD:
            text = try vector(&reader, opcodeOffset: opcodeOffset)
        case 0xFE:
            let code = try reader.readVarUInt32("a 0xFE subopcode")
            let word = try name(InstructionNames.atomic, Int(code), 0xFE)
            if code == 0x03 {
                try reader.skip(1, "a fence ordering")
                text = word
            } else {
                text = word + (try memArgText(&reader, naturalAlignment: Self.naturalAlignment(atomic: word)))
            }
        default:
            text = try name(InstructionNames.oneByte, Int(opcode), 0)
        }
        return printing ? text : ""
    }

    /// `block`'s rest after its block type: its label name, or the `;; label = @N` comment.
    private func openBlock(_ state: inout State, _ blockType: String) -> String {
        let labelName = names.label(state.labelCount, function: state.function)
        state.open.append(state.labelCount)
        state.labelCount += 1
        if let labelName { return " " + labelName + blockType }
        return blockType + " ;; label = @\(state.open.count)"
    }

    /// A branch target: the label's name, or its depth with `(;@N;)` naming the block (none for
    /// the function's own label, `(; INVALID ;)` past it).
    private func label(_ depth: UInt32, _ state: State) -> String {
        let open = UInt32(state.open.count)
        guard depth <= open else { return "\(depth) (; INVALID ;)" }
        let target = open - depth
        guard target > 0 else { return String(depth) }
        let number = state.open[Int(target) - 1]
        if let name = names.label(number, function: state.function) {
            // A shallower label of the same name would shadow it: then the number is written.
            let shadowed = state.open[Int(target)...].contains {
                names.label($0, function: state.function) == name
            }
            if !shadowed { return name }
            return String(depth)
        }
        return "\(depth) (;@\(target);)"
    }

    private func index(_ namespace: ModuleNames.Namespace, _ index: UInt32) -> String {
        names.name(namespace, index) ?? String(index)
    }

    private func blockTypeText(_ reader: inout ModuleByteReader) throws(InstrumentationError) -> String {
        let byte = try reader.peekByte("a block type")
        if byte == 0x40 {
            _ = try reader.readByte("a block type")
            return ""
        }
        if ModuleByteReader.isSingleByteValueType(byte) || byte == 0x63 || byte == 0x64 {
            return " (result \(try valueTypeText(&reader)))"
        }
        let type = try reader.readVarInt(bits: 33, "a block type")
        guard type >= 0, let typeIndex = UInt32(exactly: type) else { throw reader.error(.malformedType(byte)) }
        return " (type \(index(.type, typeIndex)))" + signature(typeIndex)
    }

    private func valueTypeText(_ reader: inout ModuleByteReader) throws(InstrumentationError) -> String {
        let byte = try reader.readByte("a value type")
        switch byte {
        case 0x7F: return "i32"
        case 0x7E: return "i64"
        case 0x7D: return "f32"
        case 0x7C: return "f64"
        case 0x7B: return "v128"
        case 0x70: return "funcref"
        case 0x6F: return "externref"
        case 0x6E: return "anyref"
        case 0x6D: return "eqref"
        case 0x6C: return "i31ref"
        case 0x6B: return "structref"
        case 0x6A: return "arrayref"
        case 0x73: return "nullfuncref"
        case 0x72: return "nullexternref"
        case 0x71: return "nullref"
        case 0x69: return "exnref"
        case 0x74: return "nullexnref"
        case 0x63, 0x64:
            return "(ref " + (byte == 0x63 ? "null " : "") + (try heapTypeText(&reader)) + ")"
        default:
            throw InstrumentationError(.malformedType(byte), offset: reader.offset - 1)
        }
    }

    private func heapTypeText(_ reader: inout ModuleByteReader) throws(InstrumentationError) -> String {
        let byte = try reader.peekByte("a heap type")
        let abstract: [UInt8: String] = [
            0x70: "func", 0x6F: "extern", 0x6E: "any", 0x6D: "eq", 0x6C: "i31", 0x6B: "struct", 0x6A: "array",
            0x73: "nofunc", 0x72: "noextern", 0x71: "none", 0x69: "exn", 0x74: "noexn",
        ]
        if let word = abstract[byte] {
            _ = try reader.readByte("a heap type")
            return word
        }
        let type = try reader.readVarInt(bits: 33, "a heap type")
        guard type >= 0, let typeIndex = UInt32(exactly: type) else { throw reader.error(.malformedType(byte)) }
        return index(.type, typeIndex)
    }

    /// ` [MEMORY] [offset=N] [align=N]`, each only when it is not the default.
    private func memArgText(_ reader: inout ModuleByteReader, naturalAlignment: UInt32)
        throws(InstrumentationError) -> String
    {
        let flags = try reader.readVarUInt32("a memory alignment")
        let memory = flags & 0x40 != 0 ? try reader.readVarUInt32("a memory index") : 0
        let offset = try reader.readVarUInt64("a memory offset")
        let alignment = flags & ~0x40
        var text = memory == 0 ? "" : " " + index(.memory, memory)
        if offset != 0 { text += " offset=\(offset)" }
        if alignment != naturalAlignment { text += " align=\(alignment < 64 ? UInt64(1) << alignment : 0)" }
        return text
    }

    private func littleEndian(_ reader: inout ModuleByteReader, _ count: Int) throws(InstrumentationError) -> UInt64 {
        var value: UInt64 = 0
        for shift in 0..<count { value |= UInt64(try reader.readByte("a constant")) << (8 * shift) }
        return value
    }

    private func miscellaneous(_ reader: inout ModuleByteReader, opcodeOffset: Int) throws(InstrumentationError)
        -> String
    {
        let code = try reader.readVarUInt32("a 0xFC subopcode")
        guard Int(code) < InstructionNames.miscellaneous.count, let word = InstructionNames.miscellaneous[Int(code)]
        else { throw InstrumentationError(.unknownOpcode("0xfc \(code)"), offset: opcodeOffset) }
        func read() throws(InstrumentationError) -> UInt32 { try reader.readVarUInt32("an index") }
        switch code {
        case 8:  // memory.init data memory
            let data = try read()
            let memory = try read()
            return word + (memory == 0 ? "" : " " + index(.memory, memory)) + " " + index(.data, data)
        case 9:
            return word + " " + index(.data, try read())
        case 10, 14:  // memory.copy, table.copy: destination, source; nothing when both are 0
            let destination = try read()
            let source = try read()
            let namespace: ModuleNames.Namespace = code == 10 ? .memory : .table
            if destination == 0 && source == 0 { return word }
            return word + " " + index(namespace, destination) + " " + index(namespace, source)
        case 11:
            let memory = try read()
            return word + (memory == 0 ? "" : " " + index(.memory, memory))
        case 12:  // table.init elem table
            let element = try read()
            let table = try read()
            return word + (table == 0 ? "" : " " + index(.table, table)) + " " + index(.element, element)
        case 13:
            return word + " " + index(.element, try read())
        case 15, 16, 17:
            return word + " " + index(.table, try read())
        default:
            return word
        }
    }

    private func vector(_ reader: inout ModuleByteReader, opcodeOffset: Int) throws(InstrumentationError) -> String {
        let code = try reader.readVarUInt32("a 0xFD subopcode")
        guard Int(code) < InstructionNames.vector.count, let word = InstructionNames.vector[Int(code)] else {
            throw InstrumentationError(.unknownOpcode("0xfd \(code)"), offset: opcodeOffset)
        }
        switch code {
        case 0...11, 92, 93:
            return word + (try memArgText(&reader, naturalAlignment: Self.naturalAlignment(vector: code)))
        case 12:
            var text = word + " i32x4"
            for _ in 0..<4 {
                let lane = UInt32(truncatingIfNeeded: try littleEndian(&reader, 4))
                let hex = String(lane, radix: 16)
                text += " 0x" + String(repeating: "0", count: 8 - hex.count) + hex
            }
            return text
        case 13:
            var text = word
            for _ in 0..<16 { text += " \(try reader.readByte("a lane index"))" }
            return text
        case 21...34:
            return word + " \(try reader.readByte("a lane index"))"
        case 84...91:
            let memArg = try memArgText(&reader, naturalAlignment: Self.naturalAlignment(vector: code))
            return word + memArg + " \(try reader.readByte("a lane index"))"
        default:
            return word
        }
    }

    // MARK: - Alignments and module structure

    /// log2 of the access size of a load or store (0x28...0x3E).
    private static func naturalAlignment(load opcode: UInt8) -> UInt32 {
        switch opcode {
        case 0x28, 0x2A, 0x34, 0x35, 0x36, 0x38, 0x3E: 2
        case 0x29, 0x2B, 0x37, 0x39: 3
        case 0x2C, 0x2D, 0x30, 0x31, 0x3A, 0x3C: 0
        default: 1
        }
    }

    private static func naturalAlignment(vector code: UInt32) -> UInt32 {
        switch code {
        case 0, 11: 4  // v128.load, v128.store
        case 1...6, 10, 93: 3  // load8x8 ... load32x2, load64_splat, load64_zero
        case 7: 0
        case 8: 1
        case 9, 92: 2
        case 84, 88: 0  // load8_lane, store8_lane
        case 85, 89: 1
        case 86, 90: 2
        default: 3  // load64_lane, store64_lane
        }
    }

    /// The access size of an atomic instruction, from its name.
    private static func naturalAlignment(atomic word: String) -> UInt32 {
        if word.hasPrefix("memory.atomic.") { return word.hasSuffix("wait64") ? 3 : 2 }
        let sizes: [(String, UInt32)] = [("8", 0), ("16", 1), ("32", 2)]
        let access = word.split(separator: ".").dropFirst().joined(separator: ".")
        for (digits, alignment) in sizes
        where access.contains("rmw\(digits)") || access.contains("load\(digits)")
            || access.contains("store\(digits)")
        {
            return alignment
        }
        return word.hasPrefix("i64") ? 3 : 2
    }

    private static func importedFunctionCount(_ content: ArraySlice<UInt8>) -> UInt32? {
        var reader = ModuleByteReader(content)
        guard let count = try? reader.readVarUInt32("") else { return nil }
        var functions: UInt32 = 0
        for _ in 0..<count {
            guard (try? reader.readName("")) != nil, (try? reader.readName("")) != nil,
                let kind = try? reader.readByte("")
            else { return nil }
            switch kind {
            case 0x00:
                guard (try? reader.readVarUInt32("")) != nil else { return nil }
                functions += 1
            case 0x01:
                guard (try? reader.skipValueType()) != nil, (try? reader.skipLimits()) != nil else { return nil }
            case 0x02:
                guard (try? reader.skipLimits()) != nil else { return nil }
            case 0x03:
                guard (try? reader.skipValueType()) != nil, (try? reader.readByte("")) != nil else { return nil }
            case 0x04:
                guard (try? reader.skip(1, "")) != nil, (try? reader.readVarUInt32("")) != nil else { return nil }
            default:
                return nil
            }
        }
        return functions
    }

    /// ` (param i32 i32) (result i64)` of a function type; empty when it is not one.
    private func signature(_ typeIndex: UInt32) -> String {
        guard let types else { return "" }
        var reader = ModuleByteReader(bytes[types])
        guard let count = try? reader.readVarUInt32(""), typeIndex < count else { return "" }
        var index: UInt32 = 0
        while true {
            guard (try? reader.readByte("")) == 0x60 else { return "" }
            var parts: [String] = []
            for word in ["param", "result"] {
                guard let n = try? reader.readVarUInt32(""), Int(n) <= reader.remaining else { return "" }
                var types: [String] = []
                for _ in 0..<n {
                    guard let type = try? valueTypeText(&reader) else { return "" }
                    types.append(type)
                }
                if !types.isEmpty { parts.append(" (\(word) " + types.joined(separator: " ") + ")") }
            }
            if index == typeIndex { return parts.joined() }
            index += 1
        }
    }
}
