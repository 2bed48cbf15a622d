import Testing
import WasmComponent

@Suite("names read from a binary")
struct ValidatingNameTests {
    private func name(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { String(validatingName: $0) }
    }

    @Test("ASCII, and UTF-8 beyond it, are read as they are; nothing else is a name")
    func utf8Only() {
        #expect(name(Array("wasi:cli/run@0.2.3".utf8)) == "wasi:cli/run@0.2.3")
        #expect(name([]) == "")
        #expect(name(Array("é😀π".utf8)) == "é😀π")
        #expect(name([0x61, 0xFF]) == nil)
        #expect(name([0xC3]) == nil)  // cut short
        #expect(name([0xE0, 0x80, 0x80]) == nil)  // overlong
        #expect(name([0xED, 0xA0, 0x80]) == nil)  // a surrogate
        #expect(name([0x7F, 0x00]) == "\u{7F}\u{0}")
    }
}
