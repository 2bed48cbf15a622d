import Testing
import WasmKit
import WasmRuntime

/// A code section of at least `CoreModuleInstrumenter.parallelThreshold` bytes is scanned in two
/// halves side by side: the result, and the error reported, must be those of one scan in order.
@Suite("Instrumenting a large code section on two threads")
struct ParallelInstrumentationTests {
    static let functionCount = 4_000

    /// `functionCount` functions `() -> i32`, each counting to its index in a loop, padded with
    /// `i32.const 0 drop` to about 80 bytes (over 256 KiB in all); `first` and `last` exported.
    /// A function listed in `broken` has an unknown opcode (0xFF) in place of its first `drop`.
    static func module(broken: Set<Int> = []) -> (bytes: [UInt8], brokenOffsets: [Int: Int]) {
        var code: [UInt8] = []
        var bodyStarts: [Int: Int] = [:]
        for index in 0..<functionCount {
            var body: [UInt8] = [0x01, 0x01, 0x7F]  // one i32 local
            body += [0x03, 0x40, 0x20, 0x00, 0x41, 0x01, 0x6A, 0x22, 0x00, 0x41]  // loop; local+1; tee
            body += leb(index + 1) + [0x48, 0x0D, 0x00, 0x0B]  // i32.lt_s; br_if 0; end
            let padding = body.count
            for _ in 0..<20 { body += [0x41, 0x00, 0x1A] }
            if broken.contains(index) { body[padding + 2] = 0xFF }
            body += [0x20, 0x00, 0x0B]
            code += leb(body.count)
            bodyStarts[index] = code.count + padding + 2
            code += body
        }
        let exports: [UInt8] =
            [0x02, 0x05] + Array("first".utf8) + [0x00, 0x00] + [0x04] + Array("last".utf8) + [0x00]
            + leb(functionCount - 1)
        var module: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
        module += [0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F]  // type: () -> i32
        let functions = leb(functionCount) + [UInt8](repeating: 0x00, count: functionCount)
        module += [0x03] + leb(functions.count) + functions
        module += [0x07] + leb(exports.count) + exports
        let content = leb(functionCount) + code
        module += [0x0A] + leb(content.count)
        let codeStart = module.count
        module += content
        let offsets = bodyStarts.filter { broken.contains($0.key) }.mapValues {
            codeStart + leb(functionCount).count + $0
        }
        return (module, offsets)
    }

    static func leb(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            let byte = UInt8(rest & 0x7F)
            rest >>= 7
            bytes.append(rest == 0 ? byte : byte | 0x80)
        } while rest > 0
        return bytes
    }

    @Test("the large module's code is over the threshold, and instrumented it validates and computes as before")
    func largeModuleRuns() throws {
        let (original, _) = Self.module()
        #expect(original.count > CoreModuleInstrumenter.parallelThreshold)
        let instrumented = try CoreModuleInstrumenter().instrument(original)
        let instance = try InterruptFixtures.instantiate(instrumented)
        #expect(try InterruptFixtures.call(instance, "first") == [.i32(1)])
        #expect(try InterruptFixtures.call(instance, "last") == [.i32(UInt32(Self.functionCount))])
        _ = try InterruptFlag(instance: instance)
    }

    @Test("the large code section is written in place, its size padded to five LEB128 bytes that say it exactly")
    func paddedSectionSize() throws {
        let instrumented = try CoreModuleInstrumenter().instrument(Self.module().bytes)
        let sections = try CoreSection.all(in: instrumented)
        let code = try #require(sections.first { $0.id == 10 })
        #expect(code.sizeLength == 5)
        // The code section is the module's last: its size reaches exactly to the end.
        #expect(code.content.upperBound == instrumented.count)
        #expect(sections.last?.id == 10)
    }

    @Test(
        "of two broken bodies, the one first in the module is reported, whichever half it lies in",
        arguments: [[10, 3_900], [3_900], [10], [1_999, 2_001]])
    func firstErrorWins(broken: [Int]) throws {
        let (module, offsets) = Self.module(broken: Set(broken))
        let error = #expect(throws: InstrumentationError.self) { try CoreModuleInstrumenter().instrument(module) }
        #expect(error?.reason == .unknownOpcode("0xff"))
        #expect(error?.offset == offsets[broken.min() ?? 0])
    }
}
