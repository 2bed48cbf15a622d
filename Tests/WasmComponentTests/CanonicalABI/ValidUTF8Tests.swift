import Testing
import WasmComponent

@Suite("UTF-8 validation of guest bytes")
struct ValidUTF8Tests {
    private func text(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    @Test("ASCII, and UTF-8 beyond it, are read as they are; nothing else is text")
    func utf8Only() {
        #expect(text(Array("wasi:cli/run@0.2.3".utf8)) == "wasi:cli/run@0.2.3")
        #expect(text([]) == "")
        #expect(text(Array("é😀π".utf8)) == "é😀π")
        #expect(text([0x61, 0xFF]) == nil)
        #expect(text([0xC3]) == nil)  // cut short
        #expect(text([0xE0, 0x80, 0x80]) == nil)  // overlong
        #expect(text([0xED, 0xA0, 0x80]) == nil)  // a surrogate
        #expect(text([0x7F, 0x00]) == "\u{7F}\u{0}")
        #expect(text([0xF4, 0x90, 0x80, 0x80]) == nil)  // past U+10FFFF
        #expect(text([0xF0, 0x90, 0x80]) == nil)  // a four-byte sequence cut short, as long as its replacement
        let kilobyte = [UInt8](repeating: UInt8(ascii: "x"), count: 1024)
        #expect(text(kilobyte) == String(repeating: "x", count: 1024))
        #expect(text(kilobyte + [0x80]) == nil)
    }
}
