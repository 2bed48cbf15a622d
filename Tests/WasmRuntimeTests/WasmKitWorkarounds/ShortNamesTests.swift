import Testing
import WasmComponent
import WasmKit
import WasmRuntime

/// Imports and exports reach WasmKit under short names (its name decoding is slow); the host
/// keeps the modules' own names, links by them and shows them.
@Suite("Short import and export names")
struct ShortNamesTests {
    let instrumenter = CoreModuleInstrumenter()

    @Test("a module's imports and exports reach WasmKit under short names, and the host keeps their own")
    func namesAreKept() throws {
        let original = try InterruptFixtures.bytes("imports")
        let (instrumented, names) = try instrumenter.instrumentShorteningNames(original[...], moduleNumber: 3)
        let ownModule = try parseWasm(bytes: original)
        #expect(names.imports == ownModule.imports.map { ShortNames.Import(module: $0.module, name: $0.name) })
        #expect(Set(names.exportNames) == Set(ownModule.exports.map(\.name)))

        let shortModule = try parseWasm(bytes: instrumented)
        #expect(shortModule.imports.allSatisfy { $0.module.isEmpty })
        #expect(
            Set(shortModule.exports.map(\.name))
                == Set(names.exportNames.compactMap(names.shortExport)).union([CoreModuleInstrumenter.defaultExportName]
                ))

        // Linked by the short names, it computes what the original computes.
        let instance = try InterruptFixtures.instantiate(instrumented) { store in
            var imports = Imports()
            imports.define(
                module: "", name: String(decoding: ShortNames.importName(0), as: UTF8.self),
                try Global(store: store, type: GlobalType(mutability: .constant, valueType: .i32), value: .i32(4)))
            imports.define(
                module: "", name: String(decoding: ShortNames.importName(1), as: UTF8.self),
                Function(store: store, parameters: [], results: []) { _, _ in [] })
            return imports
        }
        let scaled = try #require(names.shortExport("scaled"))
        #expect(names.shortExport(scaled) == nil)
        let expected = try InterruptFixtures.call(
            try InterruptFixtures.instantiate(original, imports: InterruptFixtures.importsHost), "scaled", [.i32(10)])
        #expect(try InterruptFixtures.call(instance, scaled, [.i32(10)]) == expected)
        #expect(names.functionExports[scaled] == "scaled")
    }

    @Test("short export names differ across a component's modules and never take a name the instrumenter adds")
    func shortNamesAreDistinct() {
        var seen: Set<[UInt8]> = []
        for module in 0..<70 {
            for index in 0..<70 {
                let name = ShortNames.exportName(module: module, index: index)
                #expect(seen.insert(name).inserted, "\(name)")
                #expect(!name.contains(UInt8(ascii: ":")))
                // A control character first, as no name a toolchain gives a function starts.
                #expect((0x01...0x1F).contains(name[0]), "\(name)")
            }
        }
        // Most significant digit first, in both parts.
        #expect(ShortNames.importName(0) == Array("A".utf8) && ShortNames.importName(64 * 3 + 1) == Array("DB".utf8))
        #expect(ShortNames.exportName(module: 0, index: 0) == [0x01] + Array("A".utf8))
        #expect(ShortNames.exportName(module: 31 * 2 + 1, index: 64 + 2) == [0x03, 0x02] + Array("BC".utf8))
        // Three bytes for the exports of a component's first 31 modules, up to 4,096 each.
        #expect(ShortNames.exportName(module: 30, index: 4_095).count == 3)
        #expect(ShortNames.exportName(module: 31, index: 0).count == 3)
        let imports = (0..<5_000).map(ShortNames.importName)
        #expect(Set(imports).count == imports.count)
        #expect(imports[4_095].count == 2 && imports[4_096].count == 3)
    }

    @Test("a WasmKit error naming an import by its short name names it by its own")
    func errorsNameOwnImports() throws {
        let original = try InterruptFixtures.bytes("imports")
        let names = try instrumenter.instrumentShorteningNames(original[...], moduleNumber: 0).names
        let tick = String(decoding: ShortNames.importName(1), as: UTF8.self)
        #expect(
            names.restoringImportNames(in: "incompatible import type for .\(tick), expected func, got global")
                == "incompatible import type for env.tick, expected func, got global")
        #expect(
            names.restoringImportNames(in: "imported entity from different store: .\(tick)")
                == "imported entity from different store: env.tick")
        // Text that spells no import of the module is left alone.
        #expect(names.restoringImportNames(in: "a . b .zz9 .") == "a . b .zz9 .")
    }

    /// `(module (func) (export NAME (func 0)) (export NAME2 (func 0)))`.
    static func moduleExporting(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        let exports =
            [0x02] + [UInt8(first.count)] + first + [0x00, 0x00] + [UInt8(second.count)] + second + [0x00, 0x00]
        return [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
            + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00]  // type: () -> ()
            + [0x03, 0x02, 0x01, 0x00]  // one function of type 0
            + [0x07, UInt8(exports.count)] + exports
            + [0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B]  // its body: no locals, end
    }

    @Test("a module exporting one name twice, or a name that is not UTF-8, is refused rather than renamed")
    func badExportNames() throws {
        let valid = Self.moduleExporting(Array("f".utf8), Array("g".utf8))
        #expect(
            try instrumenter.instrumentShorteningNames(valid[...], moduleNumber: 0).names.exportNames == ["f", "g"])
        let twice = Self.moduleExporting(Array("f".utf8), Array("f".utf8))
        let repeated = #expect(throws: InstrumentationError.self) {
            try instrumenter.instrumentShorteningNames(twice[...], moduleNumber: 0)
        }
        #expect(repeated?.reason == .malformed("duplicate export name"))
        let notUTF8 = Self.moduleExporting(Array("f".utf8), [0xFF])
        let invalid = #expect(throws: InstrumentationError.self) {
            try instrumenter.instrumentShorteningNames(notUTF8[...], moduleNumber: 0)
        }
        #expect(invalid?.reason == .malformed("an export name is not UTF-8"))
    }

    /// compute.wasm with its name section's function-names subsection given an id no tool
    /// defines: the section stays valid, but names no function, so WasmKit names each exported
    /// function by its export, which it knows by its short name.
    static func computeWithoutFunctionNames() throws -> [UInt8] {
        var bytes = try fixtureBytes("compute")
        let position = try CoreSection.functionNamesSubsection(in: bytes)
        bytes[position] = 0x7E
        return bytes
    }

    @Test("a trap's backtrace names a function by its own export name where the name section does not name it")
    func backtraceShowsOwnExportName() throws {
        let trap = try GuestTrapTests.trap("divide(1, 0)", in: try Self.computeWithoutFunctionNames())
        #expect(trap?.description == "trap: integer divide by zero\n  at divide")
    }
}
