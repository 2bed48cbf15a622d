import Testing
import WasmKit
import WasmRuntime

@Suite("Instrumenting core modules with interrupt checks")
struct CoreModuleInstrumenterTests {
    let instrumenter = CoreModuleInstrumenter()

    @Test("the smallest loop gets exactly the checks, global and export a hand-written module has")
    func tinyByteForByte() throws {
        let instrumented = try instrumenter.instrument(try InterruptFixtures.bytes("tiny"))
        #expect(instrumented == (try InterruptFixtures.bytes("tiny-instrumented")))
    }

    @Test("every fixture validates and instantiates in WasmKit after instrumenting", arguments: InterruptFixtures.names)
    func instrumentedModulesInstantiate(name: String) throws {
        let instrumented = try instrumenter.instrument(try InterruptFixtures.bytes(name))
        let instance = try InterruptFixtures.instantiate(instrumented, imports: InterruptFixtures.importsHost)
        _ = try InterruptFlag(instance: instance)
    }

    @Test("a module without global and export sections gets both, in the required order")
    func createsSections() throws {
        let original = try InterruptFixtures.bytes("sectionless")
        let instrumented = try instrumenter.instrument(original)
        // type, function, memory, tag, [global], [export], code, data, then the name section;
        // the start section became an export (see `startExportName`).
        #expect(try sectionIDs(original) == [1, 3, 5, 13, 8, 10, 11, 0])
        #expect(try sectionIDs(instrumented) == [1, 3, 5, 13, 6, 7, 10, 11, 0])
        let instance = try InterruptFixtures.instantiate(instrumented)
        // WasmKit keeps exports in a dictionary: compare them without their order.
        #expect(
            Set(instance.exports.map(\.name)) == [
                CoreModuleInstrumenter.defaultExportName, CoreModuleInstrumenter.startExportName,
            ])
        #expect(instance.exports[global: CoreModuleInstrumenter.defaultExportName]?.value == .i32(0))
    }

    /// The ids of a module's sections, in order.
    private func sectionIDs(_ module: [UInt8]) throws -> [UInt8] {
        try CoreSection.all(in: module).map(\.id)
    }

    @Test(
        "instrumented functions compute what the originals compute",
        arguments: [
            ("loops", "fib", [Value.i32(90)]), ("loops", "nested", [.i32(37)]),
            ("loops", "digit-sum", [.i32(987_654_321)]),
            ("loops", "swap-sub", [.i32(5), .i32(12)]), ("loops", "seeded", [.i32(1000)]),
            ("loops", "fib-recursive", [.i32(15)]),
            ("loops", "tail-count", [.i32(100_000), .i32(0)]), ("simd", "simd", [.i32(500)]),
            ("bulk", "bulk", [.i32(300)]),
            ("exceptions", "exceptions", [.i32(50)]), ("exceptions", "catch-to-function", [.i32(7)]),
            ("exceptions", "catch-to-function", [.i32(8)]), ("imports", "scaled", [.i32(10)]),
            ("tiny", "calls", [.i32(0)]),
            ("tiny", "calls", [.i32(1)]), ("tiny", "leaf", []),
        ])
    func sameResults(fixture: String, function: String, arguments: [Value]) throws {
        let original = try InterruptFixtures.bytes(fixture)
        let expected = try InterruptFixtures.call(
            try InterruptFixtures.instantiate(original, imports: InterruptFixtures.importsHost), function, arguments)
        let instrumented = try instrumenter.instrument(original)
        let actual = try InterruptFixtures.call(
            try InterruptFixtures.instantiate(instrumented, imports: InterruptFixtures.importsHost), function, arguments
        )
        #expect(actual == expected)
    }

    @Test("known answers survive instrumenting (the fixtures really compute)")
    func knownAnswers() throws {
        let loops = try InterruptFixtures.instantiate(try instrumenter.instrument(try InterruptFixtures.bytes("loops")))
        #expect(try InterruptFixtures.call(loops, "fib", [.i32(90)]) == [.i64(2_880_067_194_370_816_120)])
        #expect(try InterruptFixtures.call(loops, "digit-sum", [.i32(987_654_321)]) == [.i32(45)])
        #expect(try InterruptFixtures.call(loops, "swap-sub", [.i32(5), .i32(12)]) == [.i32(7)])
        #expect(try InterruptFixtures.call(loops, "fib-recursive", [.i32(15)]) == [.i32(610)])
        #expect(try InterruptFixtures.call(loops, "tail-count", [.i32(100_000), .i32(0)]) == [.i32(100_000)])
        // nested(3): (i + j) mod 3 over a 3x3 grid is 0, 1 and 2 three times each.
        #expect(try InterruptFixtures.call(loops, "nested", [.i32(3)]) == [.i32(333)])
        let tiny = try InterruptFixtures.instantiate(try instrumenter.instrument(try InterruptFixtures.bytes("tiny")))
        // br_table to its block, then `br` to the function label; or br_table to the function label.
        #expect(try InterruptFixtures.call(tiny, "calls", [.i32(0)]) == [.i32(5)])
        #expect(try InterruptFixtures.call(tiny, "calls", [.i32(1)]) == [.i32(9)])
        let exceptions = try InterruptFixtures.instantiate(
            try instrumenter.instrument(try InterruptFixtures.bytes("exceptions")))
        #expect(try InterruptFixtures.call(exceptions, "catch-to-function", [.i32(7)]) == [.i32(7)])
        #expect(try InterruptFixtures.call(exceptions, "catch-to-function", [.i32(8)]) == [.i32(1000)])
        let imports = try InterruptFixtures.instantiate(
            try instrumenter.instrument(try InterruptFixtures.bytes("imports")), imports: InterruptFixtures.importsHost)
        // (base 4 + 10) * scale 3 + extra 5: both imported and defined globals kept their indices.
        #expect(try InterruptFixtures.call(imports, "scaled", [.i32(10)]) == [.i64(47)])
    }

    @Test("the compute component's core module computes the same fib and spin after instrumenting")
    func computeComponent() throws {
        let original = try InterruptFixtures.computeCoreModule()
        let plain = try InterruptFixtures.instantiate(original)
        let instrumented = try InterruptFixtures.instantiate(try instrumenter.instrument(original))
        #expect(try InterruptFixtures.call(instrumented, "fib", [.i32(90)]) == [.i64(2_880_067_194_370_816_120)])
        for (function, argument) in [("fib", Value.i32(77)), ("spin", .i64(10_001)), ("recurse", .i32(500))] {
            #expect(
                try InterruptFixtures.call(instrumented, function, [argument])
                    == (try InterruptFixtures.call(plain, function, [argument])))
        }
    }

    @Test("the export name must be free: instrumenting twice under one name is refused")
    func exportNameTaken() throws {
        let once = try instrumenter.instrument(try InterruptFixtures.bytes("loops"))
        let error = #expect(throws: InstrumentationError.self) { try instrumenter.instrument(once) }
        #expect(error?.reason == .exportNameTaken(CoreModuleInstrumenter.defaultExportName))
        // Under another name the output is itself a module the instrumenter fully decodes.
        let twice = try CoreModuleInstrumenter(exportName: "second").instrument(once)
        let instance = try InterruptFixtures.instantiate(twice)
        #expect(try InterruptFixtures.call(instance, "fib", [.i32(10)]) == [.i64(55)])
    }

    @Test("a component is not a core module")
    func componentRefused() throws {
        let component = try InterruptFixtures.component("compute")
        let error = #expect(throws: InstrumentationError.self) { try instrumenter.instrument(component) }
        #expect(error?.reason == .notACoreModule("a component"))
        #expect(error?.offset == 0)
    }

    @Test("code naming a global the module does not have is refused, since it would name the flag")
    func globalIndexOutOfRange() throws {
        // (module (func (global.set 0 (i32.const 0)))): no global 0 until the flag is added.
        let module: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x0A, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0x24, 0x00, 0x0B,
        ]
        let error = #expect(throws: InstrumentationError.self) { try instrumenter.instrument(module) }
        #expect(error?.reason == .globalIndexOutOfRange(0))
        #expect(error?.offset == 25)
    }

    @Test("a branch to a label outside the function is refused, since it would name the wrapper block")
    func branchLabelOutOfRange() throws {
        // (module (func (br 1))): only label 0, the function's, exists.
        let module: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x0A, 0x06, 0x01, 0x04, 0x00, 0x0C, 0x01, 0x0B,
        ]
        let error = #expect(throws: InstrumentationError.self) { try instrumenter.instrument(module) }
        #expect(error?.reason == .branchLabelOutOfRange(1))
        #expect(error?.offset == 24)
    }

    @Test(
        "an opcode outside the supported proposals is named in the error",
        arguments: [
            ([0xFB, 0x00] as [UInt8], "0xfb"), ([0xFD, 0x9A, 0x01], "0xfd 154"), ([0xFC, 0x12], "0xfc 18"),
            ([0xC5], "0xc5"),
        ])
    func unknownOpcodes(body: [UInt8], name: String) throws {
        // One function whose body is `body` followed by `end`.
        let code: [UInt8] = [0x00] + body + [0x0B]
        var module: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        ]
        module += [0x0A, UInt8(code.count + 2), 0x01, UInt8(code.count)] + code
        let error = #expect(throws: InstrumentationError.self) { try instrumenter.instrument(module) }
        #expect(error?.reason == .unknownOpcode(name))
        #expect(error?.offset == 23)
    }
}
