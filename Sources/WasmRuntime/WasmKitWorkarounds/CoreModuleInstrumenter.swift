import Dispatch
import WasmComponent

/// Rewrites a core WebAssembly module so that a guest can be stopped from another thread.
///
/// WasmKit 0.4.2 has no interrupt API, so the check is put into the guest's own code. A new
/// mutable i32 global (initially 0) is defined after the module's globals, so no global index
/// changes, and exported under `exportName`. Each function body that has a loop or a call is
/// wrapped and checked like this:
///
///     block $interrupted                  ;; added
///       global.get $flag                  ;; added at entry, only if the body calls anything
///       br_if $interrupted
///       ...original body...
///         loop
///           global.get $flag              ;; added at the start of every loop body
///           br_if $interrupted
///           ...
///       return                            ;; added: replaces falling off the end
///     end
///     unreachable                         ;; added: reached only by an interrupt
///
/// Every unbounded computation passes one of those checks again and again: a backward branch
/// always targets a loop, and recursion (tail calls included) re-enters functions that call.
/// A body with neither runs a bounded number of instructions and is left as it is. Setting the
/// flag to 1 (`InterruptFlag.request()`) makes the guest trap (`unreachable`) at its next check.
///
/// Why this shape: in WasmKit's interpreter a taken branch costs far more than one not taken,
/// and `if $flag unreachable end` takes a branch on every iteration; `br_if` to a label outside
/// the body does not (measured: +24% against +61% on a 6-instruction loop). The price is one
/// more enclosing label, so branches that named the function's own label are renumbered by one;
/// all other labels, and every function, type and global index, stay as they were. Custom
/// sections (the name section among them) are kept as they are.
///
/// A start section is removed and its function exported as `startExportName`: WasmKit would run
/// it inside `instantiate`, before the host can reach the instance's flag, so a start function
/// that never returned would hang the load. The host runs it right after instantiating instead
/// (`StartFunctionGuard`), in the same order, where Ctrl-C and the time limit reach it.
///
/// For a component loaded for debugging, `probes` adds a probe before chosen instructions
/// (statement boundaries, or every instruction): see `ProbePlan.appendProbe` and `ProbeLayout`.
/// A probe calls an empty function appended to the module, whose entry WasmKit's interceptor
/// reports: unlike an imported host function, an appended function renumbers nothing.
package struct CoreModuleInstrumenter: Sendable {
    /// The export name the flag gets unless another is chosen.
    package static let defaultExportName = "wasmsh:interrupt"

    /// The name a module's start function is exported under, its start section removed: a
    /// start function runs inside `instantiate`, before the instance's flag can be reached, so
    /// the host runs it itself once the flag can stop it.
    package static let startExportName = "wasmsh:start"

    /// The name the flag global is exported under; the module must not export it already.
    package let exportName: String
    /// When set, every function the module defines is also exported, as this prefix + its
    /// index, so the function stepper can tell WasmKit's `Function` values apart and name
    /// them. Only for components loaded for debugging: exports cost nothing when running, but
    /// lengthen instantiation. No existing export may start with the prefix.
    package let functionExportPrefix: String?
    /// Debugging probes to add; then no export of the module may start with
    /// `ProbeLayout.reservedPrefix`.
    package let probes: ProbeRequest?

    package init(exportName: String = CoreModuleInstrumenter.defaultExportName, functionExportPrefix: String? = nil) {
        self.init(exportName: exportName, functionExportPrefix: functionExportPrefix, probes: nil)
    }

    package init(
        exportName: String = CoreModuleInstrumenter.defaultExportName, functionExportPrefix: String?,
        probes: ProbeRequest?
    ) {
        self.exportName = exportName
        self.functionExportPrefix = functionExportPrefix
        self.probes = probes
    }

    /// Returns the instrumented module, or throws where the input is not a module this
    /// instrumenter fully understands (it never guesses past an unknown byte).
    package func instrument(_ module: [UInt8]) throws(InstrumentationError) -> [UInt8] {
        try instrument(module[...])
    }

    package func instrument(_ module: ArraySlice<UInt8>) throws(InstrumentationError) -> [UInt8] {
        try instrumentWithProbes(module).bytes
    }

    /// The instrumented module and, when probes were asked for and the module has code, where
    /// they are. Throws `.probesUnsupported` when the module could be instrumented without them.
    package func instrumentWithProbes(_ module: ArraySlice<UInt8>) throws(InstrumentationError)
        -> (bytes: [UInt8], probes: ProbeLayout?)
    {
        let (bytes, probes, _) = try instrument(module, shortNamesModule: nil)
        return (bytes, probes)
    }

    /// The instrumented module with short import and export names (see `ShortNames`, which
    /// says why), and the module's own names. `moduleNumber` (the module's number in its
    /// component) makes the short export names unique in the component.
    package func instrumentShorteningNames(_ module: ArraySlice<UInt8>, moduleNumber: Int)
        throws(InstrumentationError) -> (bytes: [UInt8], names: ShortNames)
    {
        let (bytes, _, layout) = try instrument(module, shortNamesModule: moduleNumber)
        return (bytes, try layout.ownNames(in: module))
    }

    private func instrument(_ module: ArraySlice<UInt8>, shortNamesModule: Int?) throws(InstrumentationError)
        -> (bytes: [UInt8], probes: ProbeLayout?, layout: ModuleLayout)
    {
        var reader = ModuleByteReader(module)
        try Self.readHeader(&reader)
        let sections = try Self.readSections(&reader)
        var layout = try ModuleLayout(
            sections: sections, bytes: module, exportName: Array(exportName.utf8),
            startExportName: Array(Self.startExportName.utf8),
            functionExportPrefix: functionExportPrefix.map { Array($0.utf8) },
            reservedPrefix: probes == nil ? nil : Array(ProbeLayout.reservedPrefix.utf8),
            shortNamesModule: shortNamesModule)
        if let probes, layout.declaredFunctionCount > 0 {
            layout.probes = try ProbePlan(probes, module: module, sections: sections, layout: layout)
        }
        var sites: [UInt32] = []
        let bytes = try write(module, sections: sections, layout: layout, sites: &sites)
        guard let plan = layout.probes else { return (bytes, nil, layout) }
        return (
            bytes,
            ProbeLayout(
                kind: plan.request.placement == .everyInstruction ? .instructions : .statements, sites: sites,
                functions: plan.functions, slotCount: plan.slotCount, globalCount: plan.originalGlobalCount,
                exportsMemory: plan.hasMemory),
            layout
        )
    }

    private static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    private static func readHeader(_ reader: inout ModuleByteReader) throws(InstrumentationError) {
        guard reader.remaining >= 8 else { throw reader.error(.notACoreModule("shorter than a header")) }
        let start = reader.position
        let bytes = reader.bytes[start..<start + 8]
        guard bytes.prefix(4).elementsEqual(header.prefix(4)) else {
            throw reader.error(.notACoreModule("no \\0asm magic"))
        }
        guard bytes.suffix(4).elementsEqual(header.suffix(4)) else {
            let component: [UInt8] = [0x0D, 0x00, 0x01, 0x00]
            let detail = bytes.suffix(4).elementsEqual(component) ? "a component" : "unsupported version"
            throw reader.error(.notACoreModule(detail))
        }
        try reader.skip(8, "the header")
    }

    private static func readSections(_ reader: inout ModuleByteReader) throws(InstrumentationError) -> [ModuleSection] {
        var sections: [ModuleSection] = []
        var lastRank = 0
        while !reader.isAtEnd {
            let start = reader.position
            let idOffset = reader.offset
            let id = try reader.readByte("a section id")
            let size = Int(try reader.readVarUInt32("a section size"))
            let contentStart = reader.position
            try reader.skip(size, "section \(id)")
            if id != ModuleSection.custom {
                guard let rank = ModuleSection.rank(of: id) else {
                    throw InstrumentationError(.unknownSection(id), offset: idOffset)
                }
                guard rank > lastRank else { throw InstrumentationError(.sectionOutOfOrder(id), offset: idOffset) }
                lastRank = rank
            }
            sections.append(
                ModuleSection(id: id, range: start..<reader.position, contentRange: contentStart..<reader.position))
        }
        return sections
    }

    private func write(
        _ module: ArraySlice<UInt8>, sections: [ModuleSection], layout: ModuleLayout, sites: inout [UInt32]
    ) throws(InstrumentationError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(module.count + module.count / 8 + 64)
        output.append(contentsOf: Self.header)
        var wroteGlobals = false
        var wroteExports = false
        let globalRank = ModuleSection.rank(of: ModuleSection.global) ?? 0
        let exportRank = ModuleSection.rank(of: ModuleSection.export) ?? 0
        for section in sections {
            // A module without a global or export section gets one where the order requires.
            if let rank = ModuleSection.rank(of: section.id) {
                if !wroteGlobals && rank > globalRank {
                    try Self.appendSection(ModuleSection.global, layout.globalSection(in: module), to: &output)
                    wroteGlobals = true
                }
                if !wroteExports && rank > exportRank {
                    try Self.appendSection(ModuleSection.export, layout.exportSection(in: module), to: &output)
                    wroteExports = true
                }
            }
            switch section.id {
            case ModuleSection.global:
                try Self.appendSection(section.id, layout.globalSection(in: module), to: &output)
                wroteGlobals = true
            case ModuleSection.export:
                try Self.appendSection(section.id, layout.exportSection(in: module), to: &output)
                wroteExports = true
            case ModuleSection.code:
                try appendCodeSection(module, section: section, layout: layout, sites: &sites, to: &output)
            case ModuleSection.type where layout.probes != nil:
                try Self.appendSection(
                    section.id, Self.appendingEntries(module, section, count: 1, [0x60, 0x00, 0x00]), to: &output)
            case ModuleSection.function where layout.probes != nil:
                try Self.appendSection(
                    section.id,
                    Self.appendingEntries(
                        module, section, count: layout.declaredFunctionCount + 1,
                        layout.probes?.appendedFunctionTypes ?? []), to: &output)
            case ModuleSection.start:
                continue  // exported instead (see `startExportName`)
            case ModuleSection.import where layout.shortNamesModule != nil:
                try Self.appendSection(section.id, layout.shortImportSection(in: module), to: &output)
            default:
                output.append(contentsOf: module[section.range])
            }
        }
        if !wroteGlobals { try Self.appendSection(ModuleSection.global, layout.globalSection(in: module), to: &output) }
        if !wroteExports { try Self.appendSection(ModuleSection.export, layout.exportSection(in: module), to: &output) }
        return output
    }

    /// A vector section's content with `count` more entries (encoded in `entries`) at its end.
    private static func appendingEntries(
        _ module: ArraySlice<UInt8>, _ section: ModuleSection, count added: UInt32, _ entries: [UInt8]
    ) throws(InstrumentationError) -> [UInt8] {
        var reader = try ModuleByteReader(module).advanced(to: section.contentRange)
        let count = try reader.readVarUInt32("a section's entry count")
        let (total, overflow) = count.addingReportingOverflow(added)
        guard !overflow else { throw reader.error(.malformed("section \(section.id) is full")) }
        var content: [UInt8] = []
        LEB128.append(total, to: &content)
        content.append(contentsOf: module[reader.position..<section.contentRange.upperBound])
        content.append(contentsOf: entries)
        return content
    }

    /// `global.get $flag; br_if $label`.
    static func appendCheck(flagIndex: UInt32, trapLabel: UInt32, to bytes: inout [UInt8]) {
        bytes.append(0x23)
        LEB128.append(flagIndex, to: &bytes)
        bytes.append(0x0D)
        LEB128.append(trapLabel, to: &bytes)
    }

    private static func appendSection(_ id: UInt8, _ content: [UInt8], to output: inout [UInt8])
        throws(InstrumentationError)
    {
        guard let size = UInt32(exactly: content.count) else {
            throw InstrumentationError(.malformed("section \(id) would exceed 4 GiB"), offset: 0)
        }
        output.append(id)
        LEB128.append(size, to: &output)
        output.append(contentsOf: content)
    }

    /// The code section with every body that loops or calls wrapped and checked, probes planted,
    /// and the probe function's empty body appended.
    ///
    /// A large section without probes is written in place, its bodies scanned in two halves side
    /// by side; its size, known only at the end, is then written padded to five bytes (as LEB128
    /// allows), so that 6 MB of code is not copied once more, into memory touched for nothing.
    private func appendCodeSection(
        _ module: ArraySlice<UInt8>, section: ModuleSection, layout: ModuleLayout, sites: inout [UInt32],
        to output: inout [UInt8]
    ) throws(InstrumentationError) {
        let bodies = try Self.bodies(module, section: section, layout: layout)
        let count = UInt32(bodies.count)
        if let probes = layout.probes {
            try Self.appendProbedCodeSection(module, bodies, probes: probes, layout: layout, sites: &sites, to: &output)
        } else if section.contentRange.count >= Self.parallelThreshold, bodies.count >= 2 {
            output.append(ModuleSection.code)
            let sizePosition = output.count
            output.append(contentsOf: repeatElement(0, count: LEB128.paddedUInt32Length))
            LEB128.append(count, to: &output)
            try Self.appendCheckedBodiesInHalves(module, bodies[...], flagIndex: layout.flagIndex, to: &output)
            guard let size = UInt32(exactly: output.count - sizePosition - LEB128.paddedUInt32Length) else {
                throw InstrumentationError(.malformed("section \(ModuleSection.code) would exceed 4 GiB"), offset: 0)
            }
            LEB128.write(padded: size, into: &output, at: sizePosition)
        } else {
            var content: [UInt8] = []
            content.reserveCapacity(section.contentRange.count + section.contentRange.count / 4)
            LEB128.append(count, to: &content)
            try Self.appendCheckedBodiesInOrder(module, bodies[...], flagIndex: layout.flagIndex, to: &content)
            try Self.appendSection(ModuleSection.code, content, to: &output)
        }
    }

    /// Where each function body of the code section lies, as many as the function section says.
    private static func bodies(_ module: ArraySlice<UInt8>, section: ModuleSection, layout: ModuleLayout)
        throws(InstrumentationError) -> [Range<Int>]
    {
        var reader = try ModuleByteReader(module).advanced(to: section.contentRange)
        let count = try reader.readVarUInt32("the function body count")
        guard count == layout.declaredFunctionCount else {
            throw reader.error(.functionCountMismatch(declared: layout.declaredFunctionCount, bodies: count))
        }
        guard Int(count) <= reader.remaining else { throw reader.error(.truncated("function bodies")) }
        var bodies: [Range<Int>] = []
        bodies.reserveCapacity(Int(count))
        for _ in 0..<count {
            let bodySize = Int(try reader.readVarUInt32("a function body size"))
            let start = reader.position
            try reader.skip(bodySize, "a function body")
            bodies.append(start..<reader.position)
        }
        guard reader.isAtEnd else { throw reader.error(.sizeMismatch("code section")) }
        return bodies
    }

    /// The bytes from the first body's start to the last one's end.
    private static func span(_ bodies: ArraySlice<Range<Int>>) -> Int {
        guard let first = bodies.first, let last = bodies.last else { return 0 }
        return last.upperBound - first.lowerBound
    }

    /// With probes: the bodies, their twins, the probe function (ProbePlan checked the count).
    private static func appendProbedCodeSection(
        _ module: ArraySlice<UInt8>, _ bodies: [Range<Int>], probes: ProbePlan, layout: ModuleLayout,
        sites: inout [UInt32], to output: inout [UInt8]
    ) throws(InstrumentationError) {
        let count = UInt32(bodies.count)
        let size = span(bodies[...])
        var content: [UInt8] = []
        content.reserveCapacity(size + size / 4 + bodies.count * 16)
        LEB128.append(2 * count + 1, to: &content)
        var twins: [UInt8] = []
        let scanner = InstructionScanner(globalCount: layout.flagIndex)
        var plan = InstructionScanner.Plan()
        var body: [UInt8] = []
        for (ordinal, range) in bodies.enumerated() {
            var bodyReader = try ModuleByteReader(module).advanced(to: range)
            try Self.skipLocals(&bodyReader)
            let expressionStart = bodyReader.position
            plan.removeAll()
            let function = probes.functions[ordinal]
            try scanner.scan(&bodyReader, plan: &plan, probes: probes.sites(for: function))
            guard bodyReader.isAtEnd else {
                throw bodyReader.error(.sizeMismatch("function body (bytes follow its final end)"))
            }
            let locals = range.lowerBound..<expressionStart
            let expression = expressionStart..<range.upperBound
            let checked = plan.hasLoops || plan.hasCalls
            // The twin: the same code with its probes. The original: it runs the twin while stepping.
            var twin: [UInt8] = []
            Self.writeBody(
                module, locals: locals, expression: expression, plan: plan, checked: checked,
                flagIndex: layout.flagIndex, probes: (probes, function), sites: &sites, to: &twin)
            try Self.appendBody(twin[...], to: &twins, at: bodyReader)
            var redirect: [UInt8] = []
            probes.appendRedirect(ordinal: ordinal, to: &redirect)
            body.removeAll(keepingCapacity: true)
            Self.writeBody(
                module, locals: locals, expression: expression, plan: plan, checked: checked,
                flagIndex: layout.flagIndex, prefix: redirect, probes: nil, sites: &sites, to: &body)
            try Self.appendBody(body[...], to: &content, at: bodyReader)
        }
        content.append(contentsOf: twins)
        content.append(contentsOf: [0x02, 0x00, 0x0B])  // the probe function: no locals, `end`
        try Self.appendSection(ModuleSection.code, content, to: &output)
    }

    /// Code sections at least this large are instrumented on two threads, half the bodies each:
    /// the 6 MB of CPython's code take tens of milliseconds to scan.
    package static let parallelThreshold = 256 * 1024

    /// Appends `bodies`, each wrapped and checked where it loops or calls, with their sizes,
    /// scanning two halves side by side: the first appended to `content` as it goes, the second
    /// into memory of its own, appended after. The first error in body order is the one thrown,
    /// as when scanning one after the other.
    private static func appendCheckedBodiesInHalves(
        _ module: ArraySlice<UInt8>, _ bodies: ArraySlice<Range<Int>>, flagIndex: UInt32, to content: inout [UInt8]
    ) throws(InstrumentationError) {
        let size = span(bodies)
        // Split where half the bytes lie, not half the bodies: sizes vary a thousandfold.
        let middleByte = (bodies.first?.lowerBound ?? 0) + size / 2
        let split = max(bodies.firstIndex { $0.upperBound > middleByte } ?? bodies.startIndex, bodies.startIndex + 1)
        // The first half is written on to `content`, lent to the box (unshared, so not copied).
        let halves = Halves(first: content)
        content = []
        halves.second.reserveCapacity(size / 2 + size / 8)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            do throws(InstrumentationError) {
                if half == 0 {
                    try appendCheckedBodiesInOrder(module, bodies[..<split], flagIndex: flagIndex, to: &halves.first)
                } else {
                    try appendCheckedBodiesInOrder(module, bodies[split...], flagIndex: flagIndex, to: &halves.second)
                }
            } catch {
                if half == 0 { halves.firstError = error } else { halves.secondError = error }
            }
        }
        if let error = halves.firstError ?? halves.secondError { throw error }
        content = halves.takeFirst()
        content.append(contentsOf: halves.second)
    }

    /// The two halves of `appendCheckedBodiesInHalves`: each thread touches only its own bytes
    /// and its own error.
    private final class Halves: @unchecked Sendable {
        var first: [UInt8]
        var second: [UInt8] = []
        var firstError: InstrumentationError?
        var secondError: InstrumentationError?

        init(first: [UInt8]) { self.first = first }

        /// The first half's bytes, no longer held here (so appending to them copies nothing).
        func takeFirst() -> [UInt8] {
            defer { first = [] }
            return first
        }
    }

    private static func appendCheckedBodiesInOrder(
        _ module: ArraySlice<UInt8>, _ bodies: ArraySlice<Range<Int>>, flagIndex: UInt32, to content: inout [UInt8]
    ) throws(InstrumentationError) {
        let scanner = InstructionScanner(globalCount: flagIndex)
        var plan = InstructionScanner.Plan()
        var body: [UInt8] = []
        var noSites: [UInt32] = []
        let whole = ModuleByteReader(module)
        for range in bodies {
            var bodyReader = try whole.advanced(to: range)
            try skipLocals(&bodyReader)
            let expressionStart = bodyReader.position
            plan.removeAll()
            try scanner.scan(&bodyReader, plan: &plan)
            guard bodyReader.isAtEnd else {
                throw bodyReader.error(.sizeMismatch("function body (bytes follow its final end)"))
            }
            guard plan.hasLoops || plan.hasCalls else {
                try appendBody(module[range], to: &content, at: bodyReader)
                continue
            }
            body.removeAll(keepingCapacity: true)
            writeBody(
                module, locals: range.lowerBound..<expressionStart, expression: expressionStart..<range.upperBound,
                plan: plan, checked: true, flagIndex: flagIndex, probes: nil, sites: &noSites, to: &body)
            try appendBody(body[...], to: &content, at: bodyReader)
        }
    }

    /// A body with its size in front.
    private static func appendBody(_ body: ArraySlice<UInt8>, to content: inout [UInt8], at reader: ModuleByteReader)
        throws(InstrumentationError)
    {
        guard let size = UInt32(exactly: body.count) else {
            throw reader.error(.malformed("function body would exceed 4 GiB"))
        }
        LEB128.append(size, to: &content)
        content.append(contentsOf: body)
    }

    /// Writes locals, the expression with its edits applied and, when `checked`, wrapped: `block`,
    /// the entry check (for a body that calls), and its final `end` replaced by
    /// `return end unreachable end`.
    private static func writeBody(
        _ module: ArraySlice<UInt8>, locals: Range<Int>, expression: Range<Int>, plan: InstructionScanner.Plan,
        checked: Bool, flagIndex: UInt32, prefix: [UInt8] = [],
        probes: (plan: ProbePlan, function: ProbedFunction)?, sites: inout [UInt32], to body: inout [UInt8]
    ) {
        body.append(contentsOf: module[locals])
        body.append(contentsOf: prefix)
        if checked {
            body.append(contentsOf: [0x02, 0x40])  // block (empty type)
            if plan.hasCalls { appendCheck(flagIndex: flagIndex, trapLabel: 0, to: &body) }
        }
        // The expression's last byte is its final `end` (the scan ended exactly there).
        let finalEnd = expression.upperBound - 1
        var copied = expression.lowerBound
        for edit in plan.edits {
            switch edit {
            case .check(let position, let trapLabel):
                body.append(contentsOf: module[copied..<position])
                appendCheck(flagIndex: flagIndex, trapLabel: trapLabel, to: &body)
                copied = position
            case .relabel(let range, let label):
                body.append(contentsOf: module[copied..<range.lowerBound])
                LEB128.append(label, to: &body)
                copied = range.upperBound
            case .probe(let position, let codeOffset):
                guard let probes else { continue }
                body.append(contentsOf: module[copied..<position])
                probes.plan.appendProbe(at: codeOffset, in: probes.function, to: &body)
                sites.append(codeOffset)
                copied = position
            }
        }
        if checked {
            body.append(contentsOf: module[copied..<finalEnd])
            body.append(contentsOf: [0x0F, 0x0B, 0x00, 0x0B])  // return, end, unreachable, end
        } else {
            body.append(contentsOf: module[copied..<expression.upperBound])
        }
    }

    private static func skipLocals(_ body: inout ModuleByteReader) throws(InstrumentationError) {
        let groups = try body.readVarUInt32("a local declaration count")
        guard Int(groups) <= body.remaining else { throw body.error(.truncated("local declarations")) }
        for _ in 0..<groups {
            _ = try body.readVarUInt32("a local count")
            try body.skipValueType()
        }
    }
}
