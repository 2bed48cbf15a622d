import WasmComponent

/// What the instrumenter needs to know about a module before rewriting it: how many globals
/// and functions it has, and its global and export entries, all checked.
struct ModuleLayout {
    /// The flag's global index: imported globals plus defined globals, so no index changes.
    let flagIndex: UInt32
    let declaredFunctionCount: UInt32
    /// Functions the module imports: its own functions' indices start after them.
    let importedFunctionCount: UInt32
    /// Memories the module imports (memory 0 is the first of them, if any).
    let importedMemoryCount: UInt32
    /// Debugging probes: their globals follow the flag, their exports the others.
    var probes: ProbePlan?
    private let definedGlobalCount: UInt32
    /// The existing global entries (after the count), copied unchanged.
    private let globalEntries: Range<Int>?
    private let exportCount: UInt32
    private let exportEntries: Range<Int>?
    private let exportName: [UInt8]
    /// When set, every function the module defines is exported as this prefix + its index.
    private let functionExportPrefix: [UInt8]?
    /// The start function's index: the rewritten module has no start section and exports the
    /// function under `startExportName` instead, for the host to run where it can stop it.
    let startFunction: UInt32?
    private let startExportName: [UInt8]
    /// When set, imports and exports get short names (see `ShortNames`); this is the module's
    /// number in its component, part of its exports' short names.
    let shortNamesModule: Int?
    /// Where each import's names and descriptor lie, when names are shortened.
    private let importItems: [ImportItem]
    /// Where each export's name and the rest of its entry lie, when names are shortened.
    private let exportItems: [ExportItem]

    private struct ImportItem {
        let module: Range<Int>
        let name: Range<Int>
        let descriptor: Range<Int>
    }

    private struct ExportItem {
        let name: Range<Int>
        let isFunction: Bool
        /// The kind byte and the index.
        let rest: Range<Int>
    }

    init(
        sections: [ModuleSection], bytes: ArraySlice<UInt8>, exportName: [UInt8], startExportName: [UInt8],
        functionExportPrefix: [UInt8]? = nil, reservedPrefix: [UInt8]? = nil, shortNamesModule: Int? = nil
    ) throws(InstrumentationError) {
        let whole = ModuleByteReader(bytes)
        var importedGlobals: UInt32 = 0
        var importedFunctions: UInt32 = 0
        var importedMemories: UInt32 = 0
        var functions: UInt32 = 0
        var definedGlobals: UInt32 = 0
        var globalEntries: Range<Int>?
        var exportSection: ModuleSection?
        var startFunction: UInt32?
        var hasCode = false
        var importItems: [ImportItem]? = shortNamesModule == nil ? nil : []
        for section in sections {
            var reader = try whole.advanced(to: section.contentRange)
            switch section.id {
            case ModuleSection.import:
                (importedFunctions, importedGlobals, importedMemories) = try Self.countImports(
                    &reader, items: &importItems)
            case ModuleSection.function:
                functions = try reader.readVarUInt32("the function count")
                guard Int(functions) <= reader.remaining else {
                    throw reader.error(.truncated("function type indices"))
                }
                for _ in 0..<functions { _ = try reader.readVarUInt32("a function type index") }
                guard reader.isAtEnd else { throw reader.error(.sizeMismatch("function section")) }
            case ModuleSection.global:
                definedGlobals = try reader.readVarUInt32("the global count")
                let entriesStart = reader.position
                // Entries are decoded, not just copied, so the count is known to be true and
                // the flag's index to be right.
                try Self.skipGlobals(&reader, count: definedGlobals, knownGlobals: importedGlobals)
                globalEntries = entriesStart..<reader.position
            case ModuleSection.export:
                exportSection = section
            case ModuleSection.start:
                startFunction = try reader.readVarUInt32("the start function index")
                guard reader.isAtEnd else { throw reader.error(.sizeMismatch("start section")) }
            case ModuleSection.code:
                hasCode = true
            default:
                break
            }
        }
        let (flagIndex, overflow) = importedGlobals.addingReportingOverflow(definedGlobals)
        guard !overflow, flagIndex < UInt32.max, definedGlobals < UInt32.max else {
            throw InstrumentationError(.tooManyGlobals, offset: 0)
        }
        if functions > 0 && !hasCode {
            throw InstrumentationError(
                .functionCountMismatch(declared: functions, bodies: 0), offset: whole.end - whole.bytes.startIndex)
        }
        self.flagIndex = flagIndex
        self.declaredFunctionCount = functions
        self.importedFunctionCount = importedFunctions
        self.importedMemoryCount = importedMemories
        self.functionExportPrefix = functionExportPrefix
        self.startFunction = startFunction
        self.startExportName = startExportName
        self.definedGlobalCount = definedGlobals
        self.globalEntries = globalEntries
        self.exportName = exportName
        self.shortNamesModule = shortNamesModule
        self.importItems = importItems ?? []
        if let exportSection {
            var reader = try whole.advanced(to: exportSection.contentRange)
            var exportItems: [ExportItem]? = shortNamesModule == nil ? nil : []
            (exportCount, exportEntries) = try Self.checkExports(
                &reader, names: startFunction == nil ? [exportName] : [exportName, startExportName],
                reservedPrefixes: [functionExportPrefix, reservedPrefix].compactMap { $0 },
                globalCount: flagIndex, items: &exportItems)
            self.exportItems = exportItems ?? []
        } else {
            exportCount = 0
            exportEntries = nil
            exportItems = []
        }
    }

    /// The global section's content with the flag appended: `(global (mut i32) (i32.const 0))`,
    /// then the probes' globals.
    func globalSection(in bytes: ArraySlice<UInt8>) -> [UInt8] {
        var content: [UInt8] = []
        LEB128.append(definedGlobalCount + 1 + (probes?.addedGlobalCount ?? 0), to: &content)
        if let globalEntries { content.append(contentsOf: bytes[globalEntries]) }
        content.append(contentsOf: [0x7F, 0x01, 0x41, 0x00, 0x0B])
        probes?.appendGlobals(to: &content)
        return content
    }

    /// The export section's content with `(export "<name>" (global $flag))` appended, and
    /// `(export "<prefix><index>" (func <index>))` for each defined function when asked.
    func exportSection(in bytes: ArraySlice<UInt8>) throws(InstrumentationError) -> [UInt8] {
        let probeExports = probes?.exports ?? []
        let added: UInt32 =
            (functionExportPrefix == nil ? 1 : declaredFunctionCount + 1) + (startFunction == nil ? 0 : 1)
        let (withoutProbes, overflow) = exportCount.addingReportingOverflow(added)
        let (count, probeOverflow) = withoutProbes.addingReportingOverflow(UInt32(clamping: probeExports.count))
        guard !overflow, !probeOverflow, importedFunctionCount <= UInt32.max - declaredFunctionCount else {
            throw InstrumentationError(.malformed("export section too large"), offset: 0)
        }
        var content: [UInt8] = []
        LEB128.append(count, to: &content)
        if let shortNamesModule {
            for (index, entry) in exportItems.enumerated() {
                Self.appendName(ShortNames.exportName(module: shortNamesModule, index: index), to: &content)
                content.append(contentsOf: bytes[entry.rest])
            }
        } else if let exportEntries {
            content.append(contentsOf: bytes[exportEntries])
        }
        Self.appendExport(name: exportName, kind: 0x03, index: flagIndex, to: &content)
        if let startFunction {
            Self.appendExport(name: startExportName, kind: 0x00, index: startFunction, to: &content)
        }
        if let functionExportPrefix {
            for index in importedFunctionCount..<(importedFunctionCount + declaredFunctionCount) {
                Self.appendExport(
                    name: functionExportPrefix + Array(String(index).utf8), kind: 0x00, index: index, to: &content)
            }
        }
        for export in probeExports {
            Self.appendExport(name: export.name, kind: export.kind, index: export.index, to: &content)
        }
        return content
    }

    /// The import section's content with every import renamed to `("", ShortNames.importName(i))`;
    /// only when names are shortened.
    func shortImportSection(in bytes: ArraySlice<UInt8>) -> [UInt8] {
        var content: [UInt8] = []
        LEB128.append(UInt32(importItems.count), to: &content)
        for (index, entry) in importItems.enumerated() {
            Self.appendName([], to: &content)
            Self.appendName(ShortNames.importName(index), to: &content)
            content.append(contentsOf: bytes[entry.descriptor])
        }
        return content
    }

    /// The module's own import and export names, which must be UTF-8 (as WasmKit requires);
    /// only when names are shortened.
    func ownNames(in bytes: ArraySlice<UInt8>) throws(InstrumentationError) -> ShortNames {
        func text(_ range: Range<Int>, _ what: String) throws(InstrumentationError) -> String {
            guard let text = bytes[range].withUnsafeBufferPointer({ String(validUTF8: $0) }) else {
                throw InstrumentationError(
                    .malformed("\(what) is not UTF-8"), offset: range.lowerBound - bytes.startIndex)
            }
            return text
        }
        var imports: [ShortNames.Import] = []
        imports.reserveCapacity(importItems.count)
        for entry in importItems {
            imports.append(
                ShortNames.Import(
                    module: try text(entry.module, "an import module name"),
                    name: try text(entry.name, "an import name")))
        }
        var names: [String] = []
        var isFunction: [Bool] = []
        var indices: [String: Int] = [:]
        names.reserveCapacity(exportItems.count)
        isFunction.reserveCapacity(exportItems.count)
        indices.reserveCapacity(exportItems.count)
        for (index, entry) in exportItems.enumerated() {
            let own = try text(entry.name, "an export name")
            guard indices.updateValue(index, forKey: own) == nil else {
                throw InstrumentationError(
                    .malformed("duplicate export name"), offset: entry.name.lowerBound - bytes.startIndex)
            }
            names.append(own)
            isFunction.append(entry.isFunction)
        }
        return ShortNames(
            imports: imports, exportNames: names, exportIsFunction: isFunction, exportIndices: indices,
            moduleNumber: shortNamesModule ?? 0)
    }

    private static func appendExport(name: [UInt8], kind: UInt8, index: UInt32, to content: inout [UInt8]) {
        appendName(name, to: &content)
        content.append(kind)
        LEB128.append(index, to: &content)
    }

    /// A `vec(byte)` name: its length, then its bytes.
    private static func appendName(_ name: [UInt8], to content: inout [UInt8]) {
        LEB128.append(UInt32(name.count), to: &content)
        content.append(contentsOf: name)
    }

    private static func countImports(_ reader: inout ModuleByteReader, items: inout [ImportItem]?)
        throws(InstrumentationError) -> (functions: UInt32, globals: UInt32, memories: UInt32)
    {
        let count = try reader.readVarUInt32("the import count")
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("imports")) }
        var functions: UInt32 = 0
        var globals: UInt32 = 0
        var memories: UInt32 = 0
        for _ in 0..<count {
            let module = try reader.readName("an import module name")
            let name = try reader.readName("an import name")
            let descriptorStart = reader.position
            let kindOffset = reader.offset
            switch try reader.readByte("an import kind") {
            case 0x00:
                _ = try reader.readVarUInt32("a function type index")
                functions += 1
            case 0x01:
                try reader.skipValueType()
                try reader.skipLimits()
            case 0x02:
                try reader.skipLimits()
                memories += 1
            case 0x03:
                try reader.skipValueType()
                try skipMutability(&reader)
                globals += 1
            case 0x04:
                try reader.skip(1, "a tag attribute")
                _ = try reader.readVarUInt32("a tag type index")
            default:
                throw InstrumentationError(.malformed("import kind"), offset: kindOffset)
            }
            items?.append(ImportItem(module: module, name: name, descriptor: descriptorStart..<reader.position))
        }
        guard reader.isAtEnd else { throw reader.error(.sizeMismatch("import section")) }
        return (functions, globals, memories)
    }

    private static func skipGlobals(_ reader: inout ModuleByteReader, count: UInt32, knownGlobals: UInt32)
        throws(InstrumentationError)
    {
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("globals")) }
        var unusedPlan = InstructionScanner.Plan()
        // Initializers may read earlier globals only; any index up to the module's own count
        // is left for the engine to judge, but none may reach the flag's.
        let (limit, overflow) = knownGlobals.addingReportingOverflow(count)
        let scanner = InstructionScanner(globalCount: overflow ? UInt32.max : limit)
        for _ in 0..<count {
            try reader.skipValueType()
            try skipMutability(&reader)
            try scanner.scan(&reader, plan: &unusedPlan)
        }
        guard reader.isAtEnd else { throw reader.error(.sizeMismatch("global section")) }
    }

    private static func skipMutability(_ reader: inout ModuleByteReader) throws(InstrumentationError) {
        let offset = reader.offset
        // Bit 0: mutable; bit 1: shared (threads).
        guard try reader.readByte("a global mutability") <= 0x03 else {
            throw InstrumentationError(.malformed("global mutability"), offset: offset)
        }
    }

    /// Checks every export and returns their count and the range of their entries: the flag's
    /// names must be free (and no name may start with a reserved prefix), and no global export
    /// may name the index the flag is about to take.
    private static func checkExports(
        _ reader: inout ModuleByteReader, names: [[UInt8]], reservedPrefixes: [[UInt8]], globalCount: UInt32,
        items: inout [ExportItem]?
    ) throws(InstrumentationError) -> (count: UInt32, entries: Range<Int>) {
        let count = try reader.readVarUInt32("the export count")
        let entriesStart = reader.position
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("exports")) }
        for _ in 0..<count {
            let nameOffset = reader.offset
            let existing = try reader.readName("an export name")
            if let name = names.first(where: { reader.bytes[existing].elementsEqual($0) }) {
                throw InstrumentationError(.exportNameTaken(String(decoding: name, as: UTF8.self)), offset: nameOffset)
            }
            if reservedPrefixes.contains(where: { reader.bytes[existing].starts(with: $0) }) {
                throw InstrumentationError(
                    .exportNameTaken(String(decoding: reader.bytes[existing], as: UTF8.self)), offset: nameOffset)
            }
            let kindOffset = reader.offset
            let kindPosition = reader.position
            let kind = try reader.readByte("an export kind")
            let index = try reader.readVarUInt32("an export index")
            items?.append(ExportItem(name: existing, isFunction: kind == 0x00, rest: kindPosition..<reader.position))
            switch kind {
            case 0x00, 0x01, 0x02, 0x04:
                break
            case 0x03:
                guard index < globalCount else {
                    throw InstrumentationError(.globalIndexOutOfRange(index), offset: kindOffset)
                }
            default:
                throw InstrumentationError(.malformed("export kind"), offset: kindOffset)
            }
        }
        guard reader.isAtEnd else { throw reader.error(.sizeMismatch("export section")) }
        return (count, entriesStart..<reader.position)
    }
}
