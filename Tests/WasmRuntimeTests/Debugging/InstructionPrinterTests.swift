import Foundation
import Testing
import WasmComponent

@testable import WasmRuntime

/// The instruction printer against `wasm-tools print -p` (1.262): every instruction of every
/// function of the fixtures, text and indentation (Fixtures/build.sh writes the oracles).
@Suite("Instructions as wasm-tools print writes them")
struct InstructionPrinterTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The instruction lines of the functions: `(;@1a4   ;)      local.get 0` → offset 0x1a4,
    /// indentation 6, `local.get 0`; a body's closing `)` is its final `end`.
    static func oracle(_ name: String) throws -> [Int: (indent: Int, text: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).print.txt"), encoding: .utf8)
        var lines: [Int: (indent: Int, text: String)] = [:]
        var functionIndent: Int?
        for line in text.split(separator: "\n") {
            guard line.hasPrefix("(;@"), let close = line.range(of: ";)") else { continue }
            let hex = line[line.index(line.startIndex, offsetBy: 3)..<close.lowerBound].trimmingCharacters(
                in: .whitespaces)
            guard let offset = Int(hex, radix: 16) else { continue }
            let rest = line[close.upperBound...]
            let indent = rest.prefix { $0 == " " }.count
            let content = String(rest.dropFirst(indent))
            if content.hasPrefix("(func") {
                functionIndent = indent
            } else if let open = functionIndent, !content.hasPrefix("(local") {
                lines[offset] = (indent, content)
                if content == ")" && indent == open { functionIndent = nil }
            }
        }
        return lines
    }

    /// Checks every instruction of a module whose bytes start at `base` in the printed file.
    private func check(_ module: [UInt8], base: Int, against oracle: [Int: (indent: Int, text: String)], _ name: String)
        throws -> Int
    {
        // A module without code (a component's fixup module) has nothing to print.
        guard let printer = InstructionPrinter(module: module) else { return 0 }
        var checked = 0
        for first in printer.firstInstructions {
            let instructions = printer.instructions(inFunctionContaining: first, limit: .max)
            // The body's first line (`(func ...`) is two columns left of its instructions at depth 0.
            var baseIndent: Int?
            for (offset, depth, text) in instructions {
                let position = base + printer.codeStart + Int(offset)
                guard let expected = oracle[position] else {
                    Issue.record("\(name): no instruction in the oracle at 0x\(String(position, radix: 16)) (\(text))")
                    continue
                }
                // wasm-tools writes a body's final `end` as the `)` closing the function.
                if offset == instructions.last?.offset {
                    #expect(text == "end" && expected.text == ")", "\(name) at 0x\(String(position, radix: 16))")
                    checked += 1
                    continue
                }
                #expect(expected.text == text, "\(name) at 0x\(String(position, radix: 16))")
                baseIndent = baseIndent ?? (expected.indent - 2 * depth)
                #expect(
                    expected.indent - 2 * depth == baseIndent, "\(name) indentation at 0x\(String(position, radix: 16))"
                )
                #expect(printer.instruction(at: offset) == text)
                checked += 1
            }
        }
        return checked
    }

    @Test("a module of every instruction kind and name kind, instruction by instruction")
    func handWritten() throws {
        let module = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("printer.wasm")))
        let oracle = try Self.oracle("printer")
        let checked = try check(module, base: 0, against: oracle, "printer")
        #expect(checked > 150 && checked == oracle.count)
    }

    @Test(
        "every instruction of the fixtures' core modules",
        arguments: ["compute", "debug", "debug-optimized", "values", "malicious"])
    func components(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("components/\(name).wasm")))
        let component = try ComponentParser.parse(bytes)
        let oracle = try Self.oracle(name)
        var checked = 0
        var inModules = 0
        for definition in component.definitions {
            guard case .coreModule(let range) = definition else { continue }
            checked += try check(Array(component.bytes[range]), base: range.lowerBound, against: oracle, name)
            inModules += oracle.keys.count { range.contains($0) }
        }
        // Every instruction line of the core modules' functions was compared.
        #expect(checked > 0 && checked == inModules)
    }

    @Test("an offset inside an instruction, or outside any body, prints nothing")
    func notAnInstruction() throws {
        let module = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("printer.wasm")))
        let printer = try #require(InstructionPrinter(module: module))
        let first = try #require(printer.firstInstructions.first)
        // The function's first instruction is `block $outer` (0x02 0x40): its second byte is not one.
        #expect(printer.instruction(at: first) == "block $outer")
        #expect(printer.instruction(at: first + 1) == nil)
        #expect(printer.instruction(at: 0) == nil)
        #expect(printer.instruction(at: UInt32.max) == nil)
    }
}
