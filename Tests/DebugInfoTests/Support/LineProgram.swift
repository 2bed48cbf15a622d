/// Assembles a line-number program by hand (DWARF 4 or 5 header, then opcodes), for tests of
/// opcodes clang does not emit.
struct LineProgram {
    var version: Int
    var format64 = false
    var minimumInstructionLength: UInt8 = 1
    var maximumOperations: UInt8 = 1
    var defaultIsStatement = true
    var lineBase: Int8 = -5
    var lineRange: UInt8 = 14
    var opcodeBase: UInt8 = 13
    /// Operand counts of standard opcodes past the 12 DWARF defines (opcode_base > 13).
    var extraStandardLengths: [UInt8] = []
    var directories: [String]
    var files: [(name: String, directory: UInt64)]
    /// DWARF 5: write paths as DW_FORM_line_strp into `lineStrings`, and an MD5 per file.
    var useLineStrings = false
    var withMD5 = false
    private(set) var body: [UInt8] = []

    init(
        version: Int, directories: [String], files: [(name: String, directory: UInt64)],
        configure: (inout LineProgram) -> Void = { _ in }, program: (inout LineProgram) -> Void
    ) {
        self.version = version
        self.directories = directories
        self.files = files
        configure(&self)
        program(&self)
    }

    mutating func extended(_ opcode: UInt8, _ operands: [UInt8]) {
        body += [0] + uleb(UInt64(operands.count + 1)) + [opcode] + operands
    }

    mutating func setAddress(_ address: UInt64, size: Int = 4) { extended(2, littleEndian(address, size)) }
    mutating func endSequence() { extended(1, []) }
    mutating func setDiscriminator(_ value: UInt64) { extended(4, uleb(value)) }
    mutating func defineFile(_ name: String, directory: UInt64) {
        extended(3, Array(name.utf8) + [0] + uleb(directory) + [0, 0])
    }
    mutating func copy() { body += [1] }
    mutating func advanceAddress(_ operations: UInt64) { body += [2] + uleb(operations) }
    mutating func advanceLine(_ lines: Int64) { body += [3] + sleb(lines) }
    mutating func setFile(_ file: UInt64) { body += [4] + uleb(file) }
    mutating func setColumn(_ column: UInt64) { body += [5] + uleb(column) }
    mutating func negateStatement() { body += [6] }
    mutating func setBasicBlock() { body += [7] }
    mutating func constAddPC() { body += [8] }
    mutating func fixedAdvancePC(_ delta: UInt16) { body += [9] + littleEndian(UInt64(delta), 2) }
    mutating func setPrologueEnd() { body += [10] }
    mutating func setEpilogueBegin() { body += [11] }
    mutating func setISA(_ isa: UInt64) { body += [12] + uleb(isa) }
    mutating func raw(_ bytes: [UInt8]) { body += bytes }

    /// The special opcode advancing the address by `address` operations and the line by `line`.
    mutating func special(address: Int, line: Int) {
        body += [UInt8((line - Int(lineBase)) + Int(lineRange) * address + Int(opcodeBase))]
    }

    var bytes: [UInt8] {
        let offsetSize = format64 ? 8 : 4
        var strings: [UInt8] = []
        func path(_ text: String) -> [UInt8] {
            guard useLineStrings else { return Array(text.utf8) + [0] }
            let offset = strings.count
            strings += Array(text.utf8) + [0]
            return littleEndian(UInt64(offset), offsetSize)
        }
        var header: [UInt8] = [minimumInstructionLength]
        if version >= 4 { header += [maximumOperations] }
        header += [defaultIsStatement ? 1 : 0, UInt8(bitPattern: lineBase), lineRange, opcodeBase]
        header += [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1].prefix(Int(opcodeBase) - 1) + extraStandardLengths
        let pathForm: UInt8 = useLineStrings ? 0x1f : 0x08
        if version >= 5 {
            header += [1, 1] + uleb(UInt64(pathForm)) + uleb(UInt64(directories.count))
            for directory in directories { header += path(directory) }
            header += withMD5 ? [3, 1, pathForm, 2, 0x0f, 5, 0x1e] : [2, 1, pathForm, 2, 0x0f]
            header += uleb(UInt64(files.count))
            for (index, file) in files.enumerated() {
                header += path(file.name) + uleb(file.directory)
                if withMD5 { header += [UInt8](repeating: UInt8(index + 1), count: 16) }
            }
        } else {
            for directory in directories { header += Array(directory.utf8) + [0] }
            header += [0]
            for file in files { header += Array(file.name.utf8) + [0] + uleb(file.directory) + [0, 0] }
            header += [0]
        }
        var unit: [UInt8] = littleEndian(UInt64(version), 2)
        if version >= 5 { unit += [4, 0] }
        unit += littleEndian(UInt64(header.count), offsetSize) + header + body
        let length =
            format64
            ? [0xff, 0xff, 0xff, 0xff] + littleEndian(UInt64(unit.count), 8) : littleEndian(UInt64(unit.count), 4)
        return length + unit
    }

    /// The .debug_line_str contents when `useLineStrings` (computed with `bytes`).
    var lineStringBytes: [UInt8] {
        var strings: [UInt8] = []
        for text in directories + files.map(\.name) { strings += Array(text.utf8) + [0] }
        return strings
    }
}
