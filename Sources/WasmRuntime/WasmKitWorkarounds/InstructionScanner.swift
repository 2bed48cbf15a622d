/// Decodes the instructions of one function body, knowing every opcode's immediates, and plans
/// the interrupt checks: where each `loop` body starts, which branches name the function's own
/// label, and whether the body calls anything.
///
/// Finding loops needs a full decoder: a 0x03 byte inside an immediate is not a loop. Every
/// opcode of the MVP, sign extension, non-trapping float-to-int, bulk memory, reference types,
/// multi-value, tail calls, typed function references, exception handling (legacy and new),
/// threads (atomics), multi-memory, memory64, SIMD and relaxed SIMD is known; anything else
/// (GC's 0xFB prefix among them) throws, so a byte is never skipped on a guess.
struct InstructionScanner {
    /// Globals the module has before instrumentation: a `global.get`/`global.set` of any other
    /// index would silently name the interrupt flag once it is added, so it is refused.
    let globalCount: UInt32

    /// What a scan found, for rewriting the body.
    struct Plan {
        var edits: [BodyEdit] = []
        var hasLoops = false
        /// Any call, indirect call, reference call or tail call: only such a function can be
        /// part of a recursion, so only it needs a check at its entry.
        var hasCalls = false

        mutating func removeAll() {
            edits.removeAll(keepingCapacity: true)
            hasLoops = false
            hasCalls = false
        }
    }

    /// Scans one expression from the reader's position through its final `end`, leaving the
    /// reader just past it, and appends what it finds to `plan`; with `probes`, a probe edit
    /// before each instruction they ask for.
    ///
    /// Label indices are checked against the nesting depth (an index past the function's own
    /// label is refused, as it would otherwise come to name the wrapper block) and those naming
    /// the function's label are planned to be raised by one.
    func scan(_ bodyReader: inout ModuleByteReader, plan: inout Plan, probes: ProbeSites? = nil)
        throws(InstrumentationError)
    {
        // A copy of its own, which can live in registers (through `inout`, every byte read
        // stored the position back to memory); handed back however the scan ends.
        var reader = bodyReader
        defer { bodyReader = reader }
        // Blocks open inside the expression; label `depth` is the function's own.
        var depth: UInt32 = 0
        while true {
            if let probes, let codeOffset = probes.probe(before: reader.position) {
                plan.edits.append(.probe(at: reader.position, codeOffset: codeOffset))
            }
            let opcodeOffset = reader.offset
            let opcode = try reader.readByte("an opcode")
            switch opcode {
            case 0x00, 0x01, 0x05, 0x0A, 0x0F, 0x19, 0x1A, 0x1B, 0x45...0xC4, 0xD1, 0xD3, 0xD4:
                break  // no immediates (0xD4: ref.as_non_null)
            case 0x02, 0x04, 0x06:  // block, if, try
                try reader.skipBlockType()
                depth += 1
            case 0x03:  // loop
                try reader.skipBlockType()
                depth += 1
                // Inside the loop, labels 0..<depth are the open blocks and `depth` is the wrapper.
                plan.edits.append(.check(at: reader.position, trapLabel: depth))
                plan.hasLoops = true
            case 0x0B:  // end
                if depth == 0 { return }
                depth -= 1
            case 0x18:  // delegate: ends a legacy `try`; its label counts from outside that try
                guard depth > 0 else {
                    throw InstrumentationError(.malformed("delegate outside a try"), offset: opcodeOffset)
                }
                depth -= 1
                try readLabel(&reader, depth: depth, plan: &plan)
            case 0x0C, 0x0D, 0xD5, 0xD6:  // br, br_if, br_on_null, br_on_non_null
                try readLabel(&reader, depth: depth, plan: &plan)
            case 0x0E:  // br_table
                let count = try reader.readVarUInt32("a br_table length")
                guard Int(count) < reader.remaining else { throw reader.error(.truncated("br_table labels")) }
                for _ in 0...count { try readLabel(&reader, depth: depth, plan: &plan) }
            case 0x09:  // rethrow names an enclosing catch, never the function
                let labelOffset = reader.offset
                let label = try reader.readVarUInt32("a rethrow label")
                guard label < depth else {
                    throw InstrumentationError(.branchLabelOutOfRange(label), offset: labelOffset)
                }
            case 0x10, 0x12, 0x14, 0x15:  // call, return_call, call_ref, return_call_ref
                _ = try reader.readVarUInt32("a function or type index")
                plan.hasCalls = true
            case 0x11, 0x13:  // call_indirect, return_call_indirect: type index, table index
                _ = try reader.readVarUInt32("a type index")
                _ = try reader.readVarUInt32("a table index")
                plan.hasCalls = true
            case 0x07, 0x08, 0x20, 0x21, 0x22, 0x25, 0x26, 0x3F, 0x40, 0xD2:
                // catch, throw, local.*, table.get/set, memory.size/grow, ref.func
                _ = try reader.readVarUInt32("an index")
            case 0x23, 0x24:  // global.get, global.set
                let index = try reader.readVarUInt32("a global index")
                guard index < globalCount else {
                    throw InstrumentationError(.globalIndexOutOfRange(index), offset: opcodeOffset)
                }
            case 0x1C:  // select with types
                let count = try reader.readVarUInt32("a select type count")
                guard Int(count) <= reader.remaining else { throw reader.error(.truncated("select types")) }
                for _ in 0..<count { try reader.skipValueType() }
            case 0x1F:  // try_table: its catch labels count from outside the block
                try reader.skipBlockType()
                try skipCatchClauses(&reader, depth: depth, plan: &plan)
                depth += 1
            case 0x28...0x3E:  // loads and stores
                try reader.skipMemArg()
            case 0x41:
                _ = try reader.readVarInt(bits: 32, "an i32 constant")
            case 0x42:
                _ = try reader.readVarInt(bits: 64, "an i64 constant")
            case 0x43:
                try reader.skip(4, "an f32 constant")
            case 0x44:
                try reader.skip(8, "an f64 constant")
            case 0xD0:  // ref.null
                try reader.skipHeapType()
            case 0xFC:
                try skipMiscellaneous(&reader, opcodeOffset: opcodeOffset)
            case 0xFD:
                try skipVector(&reader, opcodeOffset: opcodeOffset)
            case 0xFE:
                try skipAtomic(&reader, opcodeOffset: opcodeOffset)
            default:
                throw InstrumentationError(.unknownOpcode(Self.hex(opcode)), offset: opcodeOffset)
            }
        }
    }

    /// A branch label seen with `depth` blocks open: below `depth` it names one of them and stays;
    /// `depth` names the function and moves one out, past the wrapper; above is out of range.
    private func readLabel(_ reader: inout ModuleByteReader, depth: UInt32, plan: inout Plan)
        throws(InstrumentationError)
    {
        let start = reader.position
        let offset = reader.offset
        let label = try reader.readVarUInt32("a branch label")
        guard label <= depth else { throw InstrumentationError(.branchLabelOutOfRange(label), offset: offset) }
        if label == depth { plan.edits.append(.relabel(range: start..<reader.position, label: label + 1)) }
    }

    /// try_table's catch clauses: catch and catch_ref name a tag and a label, catch_all and
    /// catch_all_ref a label.
    private func skipCatchClauses(_ reader: inout ModuleByteReader, depth: UInt32, plan: inout Plan)
        throws(InstrumentationError)
    {
        let count = try reader.readVarUInt32("a catch clause count")
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("catch clauses")) }
        for _ in 0..<count {
            let kindOffset = reader.offset
            switch try reader.readByte("a catch clause kind") {
            case 0x00, 0x01:
                _ = try reader.readVarUInt32("a tag index")
                try readLabel(&reader, depth: depth, plan: &plan)
            case 0x02, 0x03:
                try readLabel(&reader, depth: depth, plan: &plan)
            default:
                throw InstrumentationError(.malformed("catch clause kind"), offset: kindOffset)
            }
        }
    }

    /// The 0xFC prefix: saturating truncations, bulk memory and table instructions.
    private func skipMiscellaneous(_ reader: inout ModuleByteReader, opcodeOffset: Int) throws(InstrumentationError) {
        let subopcode = try reader.readVarUInt32("a 0xFC subopcode")
        switch subopcode {
        case 0...7:
            break  // i32/i64.trunc_sat_f32/f64_s/u
        case 9, 11, 13, 15, 16, 17:
            // data.drop, memory.fill, elem.drop, table.grow, table.size, table.fill
            _ = try reader.readVarUInt32("an index")
        case 8, 10, 12, 14:
            // memory.init, memory.copy, table.init, table.copy
            _ = try reader.readVarUInt32("an index")
            _ = try reader.readVarUInt32("an index")
        default:
            throw InstrumentationError(.unknownOpcode("0xfc \(subopcode)"), offset: opcodeOffset)
        }
    }

    /// The 0xFD prefix: SIMD and relaxed SIMD.
    private func skipVector(_ reader: inout ModuleByteReader, opcodeOffset: Int) throws(InstrumentationError) {
        let subopcode = try reader.readVarUInt32("a 0xFD subopcode")
        switch subopcode {
        case 0...11, 92, 93:  // v128 loads and stores, load_zero
            try reader.skipMemArg()
        case 12, 13:  // v128.const, i8x16.shuffle
            try reader.skip(16, "a 16-byte immediate")
        case 21...34:  // extract_lane and replace_lane
            try reader.skip(1, "a lane index")
        case 84...91:  // load_lane and store_lane
            try reader.skipMemArg()
            try reader.skip(1, "a lane index")
        case 14...20, 35...83, 94...255, 256...275:
            // Arithmetic, comparisons, conversions (relaxed SIMD from 256): no immediates, but
            // the SIMD opcode space has holes that are not instructions.
            guard !Self.unassignedVectorOpcodes.contains(subopcode) else {
                throw InstrumentationError(.unknownOpcode("0xfd \(subopcode)"), offset: opcodeOffset)
            }
        default:
            throw InstrumentationError(.unknownOpcode("0xfd \(subopcode)"), offset: opcodeOffset)
        }
    }

    /// Holes in the SIMD opcode space between 0x5E and 0xFF.
    private static let unassignedVectorOpcodes: Set<UInt32> = [
        0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB, 0xC2, 0xC5, 0xC6, 0xCF, 0xD0, 0xD2, 0xD3, 0xD4,
        0xE2, 0xEE,
    ]

    /// The 0xFE prefix: atomics (threads).
    private func skipAtomic(_ reader: inout ModuleByteReader, opcodeOffset: Int) throws(InstrumentationError) {
        let subopcode = try reader.readVarUInt32("a 0xFE subopcode")
        switch subopcode {
        case 0x00...0x02, 0x10...0x4E:  // notify, wait, loads, stores, read-modify-write
            try reader.skipMemArg()
        case 0x03:  // atomic.fence
            try reader.skip(1, "a fence ordering")
        default:
            throw InstrumentationError(.unknownOpcode("0xfe \(subopcode)"), offset: opcodeOffset)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
    }
}
