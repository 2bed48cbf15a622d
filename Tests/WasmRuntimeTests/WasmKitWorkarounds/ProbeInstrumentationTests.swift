import Testing
import WasmKit

import enum WasmParser.ExportDescriptor

@testable import WasmRuntime

/// Probes for source stepping (see `ProbePlan`): twins of every function carry them, the
/// originals run as before until `stepping` is set, and nothing of the module is renumbered.
@Suite("Instrumenting core modules with debugging probes")
struct ProbeInstrumentationTests {
    static let everyInstruction = ProbeRequest(placement: .everyInstruction, maximumCapturedLocals: 8, module: 0)

    /// Every other instruction of every body (and each body's start, which means its first instruction).
    static func someStatements(_ module: [UInt8]) throws -> ProbeRequest {
        let printer = try #require(InstructionPrinter(module: module))
        var offsets = Set<UInt32>()
        for first in printer.firstInstructions {
            let instructions = printer.instructions(inFunctionContaining: first, limit: .max)
            for (position, instruction) in instructions.enumerated() where position % 2 == 1 {
                offsets.insert(instruction.offset)
            }
        }
        return ProbeRequest(placement: .statements(offsets), maximumCapturedLocals: 32, module: 0)
    }

    private func instrument(_ module: [UInt8], _ request: ProbeRequest) throws -> (bytes: [UInt8], layout: ProbeLayout)
    {
        let (bytes, layout) = try CoreModuleInstrumenter(functionExportPrefix: nil, probes: request)
            .instrumentWithProbes(module[...])
        return (bytes, try #require(layout))
    }

    /// Sets the instance's `stepping` and `armed` globals.
    private func set(_ instance: Instance, stepping: Bool, armed: Bool) throws {
        try instance.exports[global: ProbeLayout.steppingExport]?.assign(.i32(stepping ? 1 : 0))
        try instance.exports[global: ProbeLayout.armedExport]?.assign(.i32(armed ? 1 : 0))
    }

    @Test(
        "with probes, functions compute what the originals compute, running their twins or not, armed or not",
        arguments: [
            ("loops", "fib", [Value.i32(90)]), ("loops", "nested", [.i32(37)]),
            ("loops", "digit-sum", [.i32(987_654_321)]),
            ("loops", "fib-recursive", [.i32(15)]), ("loops", "tail-count", [.i32(1000), .i32(0)]),
            ("simd", "simd", [.i32(50)]), ("bulk", "bulk", [.i32(30)]), ("exceptions", "exceptions", [.i32(5)]),
            ("exceptions", "catch-to-function", [.i32(7)]), ("exceptions", "catch-to-function", [.i32(8)]),
            ("imports", "scaled", [.i32(10)]), ("tiny", "calls", [.i32(0)]), ("tiny", "calls", [.i32(1)]),
            ("tiny", "leaf", []),
        ])
    func sameResults(fixture: String, function: String, arguments: [Value]) throws {
        let original = try InterruptFixtures.bytes(fixture)
        let expected = try InterruptFixtures.call(
            try InterruptFixtures.instantiate(original, imports: InterruptFixtures.importsHost), function, arguments)
        for request in [Self.everyInstruction, try Self.someStatements(original)] {
            let instrumented = try instrument(original, request).bytes
            for (stepping, armed) in [(false, false), (true, false), (true, true), (false, true)] {
                // A fresh instance each time: some fixtures keep state in memory.
                let instance = try InterruptFixtures.instantiate(instrumented, imports: InterruptFixtures.importsHost)
                try set(instance, stepping: stepping, armed: armed)
                #expect(
                    try InterruptFixtures.call(instance, function, arguments) == expected,
                    "\(fixture).\(function) stepping \(stepping) armed \(armed)")
            }
        }
    }

    @Test("nothing is renumbered: twins, then the probe function, come after every function; globals after the flag")
    func layout() throws {
        let original = try InterruptFixtures.bytes("loops")
        let (bytes, layout) = try instrument(original, Self.everyInstruction)
        let module = try parseWasm(bytes: bytes, features: InterruptFixtures.features)
        let plain = try parseWasm(bytes: original, features: InterruptFixtures.features)
        var exports: [String: ExportDescriptor] = [:]
        for export in module.exports { exports[export.name] = export.descriptor }
        // The module's own exports name the same indices.
        for export in plain.exports { #expect(exports[export.name] == export.descriptor, "\(export.name)") }
        let imported = UInt32(plain.imports.count { if case .function = $0.descriptor { true } else { false } })
        let defined = UInt32(layout.functions.count)
        let probe: ExportDescriptor = .function(imported + 2 * defined)
        #expect(exports[ProbeLayout.probePrefix + "0"] == probe)
        for (ordinal, function) in layout.functions.enumerated() {
            #expect(function.index == imported + UInt32(ordinal))
            let twin: ExportDescriptor = .function(imported + defined + UInt32(ordinal))
            #expect(exports[ProbeLayout.twinPrefix + String(function.index)] == twin)
        }
        let flag = layout.globalCount
        let globals: [(String, UInt32)] =
            [
                (CoreModuleInstrumenter.defaultExportName, flag), (ProbeLayout.armedExport, flag + 1),
                (ProbeLayout.whereExport, flag + 2), (ProbeLayout.steppingExport, flag + 3),
            ] + (0..<layout.slotCount).map { (ProbeLayout.slotPrefix + String($0), flag + 4 + UInt32($0)) }
            + (0..<layout.globalCount).map { (ProbeLayout.globalPrefix + String($0), $0) }
        for (name, index) in globals {
            let expected: ExportDescriptor = .global(index)
            #expect(exports[name] == expected, "\(name)")
        }
    }

    @Test("statement probes go before the instructions asked for; a body's start means its first instruction")
    func statementSites() throws {
        let original = try InterruptFixtures.bytes("loops")
        let printer = try #require(InstructionPrinter(module: original))
        try #require(printer.firstInstructions.count >= 2)
        let second = printer.firstInstructions[1]
        let third = printer.instructions(inFunctionContaining: printer.firstInstructions[0], limit: 3)[2].offset
        let request = ProbeRequest(
            placement: .statements([third, third + 1, second]), maximumCapturedLocals: 4, module: 0)
        let (_, layout) = try instrument(original, request)
        // An offset inside an instruction gets nothing.
        #expect(layout.sites == [third, second])
        let withStart = ProbeRequest(
            placement: .statements([layout.functions[0].body.lowerBound]), maximumCapturedLocals: 4, module: 0)
        #expect(try instrument(original, withStart).layout.sites == [layout.functions[0].firstInstruction])
        #expect(layout.functions[0].body.lowerBound < layout.functions[0].firstInstruction)
    }

    @Test("every instruction gets a probe")
    func instructionSites() throws {
        let original = try InterruptFixtures.bytes("loops")
        let printer = try #require(InstructionPrinter(module: original))
        let all = printer.firstInstructions.flatMap {
            printer.instructions(inFunctionContaining: $0, limit: .max).map(\.offset)
        }
        #expect(try instrument(original, Self.everyInstruction).layout.sites == all)
    }

    @Test("a probe passes the locals DWARF reads first, then the others in order, numbers only, at most the limit")
    func capturedLocals() {
        typealias Run = ProbedFunction.LocalRun
        let locals = [
            Run(count: 2, kind: .i32), Run(count: 1, kind: .v128), Run(count: 1, kind: .f64),
            Run(count: 3_000_000_000, kind: .i64),
        ]
        let captured = ProbedFunction.capture(required: [5, 2, 99, 5_000_000], locals: locals, maximum: 6)
        // 2 is a v128: never passed. The others exist (the last run is three billion i64s).
        #expect(captured.map(\.index) == [5, 99, 5_000_000, 0, 1, 3])
        #expect(captured.map(\.kind) == [.i64, .i64, .i64, .i32, .i32, .f64])
        #expect(
            ProbedFunction.capture(required: [3_000_000_003], locals: locals, maximum: 1).map(\.index) == [
                3_000_000_003
            ])
        #expect(ProbedFunction.capture(required: [], locals: locals, maximum: 0).isEmpty)
    }

    @Test("a module that exports a wasmsh: name gets no probes; GC types get no probes but their interrupt checks")
    func refusals() throws {
        // (module (func) (export "wasmsh:x" (func 0)))
        let exporting: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x07, 0x0C, 0x01, 0x08, 0x77, 0x61, 0x73, 0x6D, 0x73, 0x68, 0x3A, 0x78, 0x00, 0x00, 0x0A, 0x04, 0x01, 0x02,
            0x00, 0x0B,
        ]
        #expect(throws: InstrumentationError.self) { try instrument(exporting, Self.everyInstruction) }
        #expect(throws: Never.self) { try CoreModuleInstrumenter().instrument(exporting) }
        // A rec group (GC) in the type section: (rec (type (func))).
        let gc: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x4E, 0x01, 0x60, 0x00, 0x00, 0x03,
            0x02, 0x01, 0x00, 0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,
        ]
        do {
            _ = try instrument(gc, Self.everyInstruction)
            Issue.record("GC types were given probes")
        } catch let error as InstrumentationError {
            #expect(error.reason == .probesUnsupported("the module has GC types"))
        }
        let (code, debugModule) = try DebugModuleLoader.instrument(gc[...], number: 3, functionExportPrefix: "f:")
        #expect(debugModule.stepping == .functions)
        #expect(debugModule.notes.count == 1 && debugModule.notes[0].contains("GC types"))
        #expect(code != gc)
    }

    @Test("mutated modules are instrumented with probes or refused, and what is written decodes again")
    func mutations() throws {
        var random = InstrumentationRobustnessTests.SplitMix64(state: 0x7072_6F62_6573)
        let again = CoreModuleInstrumenter(exportName: "again")
        for name in ["loops", "exceptions", "simd"] {
            let original = try InterruptFixtures.bytes(name)
            for round in 0..<300 {
                var bytes = original
                switch round % 3 {
                case 0: bytes = Array(bytes.prefix(random.below(bytes.count)))
                case 1: bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
                default: bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
                let request = round % 2 == 0 ? Self.everyInstruction : try Self.someStatements(original)
                guard
                    let (output, _) = try? CoreModuleInstrumenter(functionExportPrefix: "f:", probes: request)
                        .instrumentWithProbes(bytes[...])
                else { continue }
                #expect(throws: Never.self, "\(name) round \(round)") { try again.instrument(output) }
            }
        }
    }
}
