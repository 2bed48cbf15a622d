import DebugInfo
import Foundation
import Testing

@Suite("Functions, variables and types against llvm-dwarfdump --debug-info")
struct VariableOracleTests {
    /// Every variable of every function (all scopes, inlined calls included), and the globals.
    static func allVariables(_ info: DWARFDebugInfo) -> [DebugVariable] {
        func collect(_ scope: DebugScope) -> [DebugVariable] {
            scope.variables + scope.children.flatMap(collect)
        }
        return info.functions.flatMap { collect($0.scope) } + info.globals
    }

    /// An attribute of a DIE or, failing that, of its abstract origin (as the reader looks it up).
    static func attribute(_ name: String, of entry: InfoDump.Entry, in dump: InfoDump) -> InfoDump.Entry? {
        if entry.value(name) != nil { return entry }
        guard let origin = entry.value("DW_AT_abstract_origin"),
            let offset = UInt64(origin.dropFirst(3).prefix { $0.isHexDigit }, radix: 16),
            let target = dump.entry(at: offset)
        else { return nil }
        return target.value(name) != nil ? target : nil
    }

    /// C names without llvm-dwarfdump 14's leaving out of `struct`, `union` and `enum`.
    static func llvmStyle(_ name: String) -> String {
        name.replacingOccurrences(of: "struct ", with: "").replacingOccurrences(of: "union ", with: "")
            .replacingOccurrences(of: "enum ", with: "")
    }

    @Test(
        "each variable's name, type, declaration line and location are llvm-dwarfdump's",
        arguments: DebugFixture.allCases)
    func variablesMatch(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = InfoDump(try fixture.oracle("debug-info"))
        let variables = Self.allVariables(info)
        #expect(variables.count > 30)
        for variable in variables {
            guard let entry = dump.entry(at: variable.offset) else {
                Issue.record("no DIE at 0x\(String(variable.offset, radix: 16)) in the dump")
                continue
            }
            let context = "\(fixture) \(variable.name ?? "?") at 0x\(String(variable.offset, radix: 16))"
            #expect(entry.tag == (variable.isParameter ? "DW_TAG_formal_parameter" : "DW_TAG_variable"), "\(context)")
            #expect(
                variable.name == Self.attribute("DW_AT_name", of: entry, in: dump)?.quoted("DW_AT_name"), "\(context)")
            let typeName = Self.attribute("DW_AT_type", of: entry, in: dump)?.quoted("DW_AT_type")
            #expect(Self.llvmStyle(info.types.name(of: variable.type)) == typeName, "\(context)")
            #expect(
                variable.declLine == Self.attribute("DW_AT_decl_line", of: entry, in: dump)?.number("DW_AT_decl_line"),
                "\(context)")
            switch variable.location {
            case .expression(let expression):
                #expect(
                    entry.value("DW_AT_location").map(InfoDump.locationEntries) == [info.describe(expression)],
                    "\(context)")
            case .list(let entries):
                let printed = entries.map { entry in
                    let range = entry.range.map {
                        "[0x\(Self.hex($0.lowerBound.value)), 0x\(Self.hex($0.upperBound.value)))"
                    }
                    return "\(range ?? "default"): \(info.describe(entry.expression))"
                }
                // llvm-dwarfdump also prints entries at the linker's tombstone, which the reader leaves out.
                let expected = entry.value("DW_AT_location").map(InfoDump.locationEntries)?.filter {
                    !$0.hasPrefix("[0xffffffff") && !$0.hasPrefix("[0xfffffffe")
                }
                #expect(printed == expected, "\(context)")
            case .constant(let bytes):
                let size = try #require(info.types.byteSize(of: variable.type))
                let printed = try #require(entry.value("DW_AT_const_value")).dropFirst().dropLast()
                let bits = Int64(printed).map { UInt64(bitPattern: $0) } ?? UInt64(printed) ?? 0
                #expect(
                    Array(bytes.prefix(size)) == (0..<size).map { UInt8(truncatingIfNeeded: bits >> UInt64(8 * $0)) },
                    "\(context)")
            case .unavailable:
                #expect(entry.value("DW_AT_location") == nil && entry.value("DW_AT_const_value") == nil, "\(context)")
            }
        }
    }

    @Test(
        "the reader has every variable of the live functions and every global with a location",
        arguments: DebugFixture.allCases)
    func noVariableMissing(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = InfoDump(try fixture.oracle("debug-info"))
        var expected = Set<UInt64>()
        for entry in dump.entries where entry.tag == "DW_TAG_variable" || entry.tag == "DW_TAG_formal_parameter" {
            // The nearest enclosing subprogram, if any, must have code the linker kept.
            var parent = entry.parent
            var subprogram: InfoDump.Entry?
            while let index = parent {
                if dump.entries[index].tag == "DW_TAG_subprogram" {
                    subprogram = dump.entries[index]
                    break
                }
                parent = dump.entries[index].parent
            }
            if let subprogram {
                let live =
                    subprogram.value("DW_AT_low_pc").map { $0 != "(dead code)" }
                    ?? (subprogram.value("DW_AT_ranges") != nil)
                if live { expected.insert(entry.offset) }
            } else if entry.value("DW_AT_location") != nil || entry.value("DW_AT_const_value") != nil {
                expected.insert(entry.offset)
            }
        }
        #expect(Set(Self.allVariables(info).map(\.offset)) == expected)
    }

    @Test(
        "each function's name, code range, declaration and frame base are llvm-dwarfdump's",
        arguments: DebugFixture.allCases)
    func functionsMatch(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = InfoDump(try fixture.oracle("debug-info"))
        let live = dump.entries.filter {
            $0.tag == "DW_TAG_subprogram" && ($0.value("DW_AT_low_pc").map { $0 != "(dead code)" } ?? false)
        }
        #expect(info.functions.map(\.offset) == live.map(\.offset))
        for (function, entry) in zip(info.functions, live) {
            #expect(function.name == Self.attribute("DW_AT_name", of: entry, in: dump)?.quoted("DW_AT_name"))
            let low = try #require(function.ranges.first)
            #expect(entry.value("DW_AT_low_pc") == "(0x\(Self.hex(low.lowerBound.value)))")
            #expect(entry.value("DW_AT_high_pc") == "(0x\(Self.hex(low.upperBound.value)))")
            #expect(
                function.declLine == Self.attribute("DW_AT_decl_line", of: entry, in: dump)?.number("DW_AT_decl_line"))
            if case .expression(let frameBase)? = function.frameBase {
                #expect(entry.value("DW_AT_frame_base") == "(\(info.describe(frameBase)))")
            } else {
                Issue.record("\(function.name ?? "?") has no frame base expression")
            }
        }
    }

    @Test("lexical blocks and inlined calls cover llvm-dwarfdump's ranges", arguments: DebugFixture.allCases)
    func scopesMatch(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = InfoDump(try fixture.oracle("debug-info"))
        func check(_ scope: DebugScope) {
            for child in scope.children {
                guard let entry = dump.entry(at: child.offset) else {
                    Issue.record("no DIE at 0x\(String(child.offset, radix: 16))")
                    continue
                }
                let printed: String
                if let ranges = entry.value("DW_AT_ranges") {
                    printed = ranges.split(separator: "\n").dropFirst().map { String($0) }.joined(separator: " ")
                        .replacingOccurrences(of: "))", with: ")")
                    #expect(
                        child.ranges.map { "[0x\(Self.hex($0.lowerBound.value)), 0x\(Self.hex($0.upperBound.value)))" }
                            .joined(separator: " ") == printed)
                } else {
                    #expect(
                        entry.value("DW_AT_low_pc") == child.ranges.first.map { "(0x\(Self.hex($0.lowerBound.value)))" }
                    )
                    #expect(
                        entry.value("DW_AT_high_pc")
                            == child.ranges.first.map { "(0x\(Self.hex($0.upperBound.value)))" })
                }
                if case .inlinedCall(let call) = child.kind {
                    #expect(entry.tag == "DW_TAG_inlined_subroutine")
                    #expect(call.functionName == entry.quoted("DW_AT_abstract_origin"))
                    #expect(call.callLine == entry.number("DW_AT_call_line"))
                    #expect(call.callColumn == entry.number("DW_AT_call_column"))
                } else {
                    #expect(entry.tag == "DW_TAG_lexical_block")
                }
                check(child)
            }
        }
        for function in info.functions { check(function.scope) }
    }

    @Test(
        "compilation units: name, comp_dir, language and producer as llvm-dwarfdump shows them",
        arguments: DebugFixture.allCases)
    func unitsMatch(fixture: DebugFixture) throws {
        let info = try fixture.info()
        let dump = InfoDump(try fixture.oracle("debug-info"))
        let units = dump.entries.filter { $0.tag == "DW_TAG_compile_unit" }
        #expect(info.units.count == units.count)
        for (unit, entry) in zip(info.units, units) {
            #expect(unit.name == entry.quoted("DW_AT_name"))
            #expect(unit.compDir == entry.quoted("DW_AT_comp_dir"))
            #expect(unit.producer == entry.quoted("DW_AT_producer"))
            #expect(entry.value("DW_AT_language") == "(DW_LANG_\(unit.language?.description ?? "?"))")
        }
        #expect(
            info.units.map(\.name) == [
                "components/debug/debug.c", "components/debug/shapes.c", "components/common/cabi.c",
            ])
        #expect(info.units.allSatisfy { $0.compDir == "." && $0.producer?.hasPrefix("clang version 21") == true })
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
