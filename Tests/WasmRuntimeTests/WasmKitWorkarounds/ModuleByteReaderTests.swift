import Testing
import WasmComponent

@testable import WasmRuntime

@Suite("Module byte reader")
struct ModuleByteReaderTests {
    static let signedValues: [Int64] = [
        0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, -8192, -8193, 16383, 16384, Int64(Int32.max),
        Int64(Int32.min), Int64.max, Int64.min,
    ]
    static let unsignedValues: [UInt32] = [0, 1, 127, 128, 255, 8191, 16383, 16384, 65535, UInt32.max]

    @Test("integers read one byte or more at a time are what was encoded, and reading stops right after them")
    func fastPathsMatchTheDecoder() throws {
        for value in Self.signedValues {
            var bytes: [UInt8] = []
            LEB128.appendSigned(value, to: &bytes)
            bytes.append(0xAB)
            var reader = ModuleByteReader(bytes[...])
            #expect(try reader.readVarInt(bits: 64, "a value") == value)
            #expect(try reader.readByte("the next byte") == 0xAB)
        }
        for value in Self.unsignedValues {
            var bytes: [UInt8] = []
            LEB128.append(value, to: &bytes)
            bytes.append(0xAB)
            var reader = ModuleByteReader(bytes[...])
            #expect(try reader.readVarUInt32("a value") == value)
            #expect(try reader.readByte("the next byte") == 0xAB)
        }
    }

    @Test("a padded encoding reads as its value, and one cut short is an error")
    func paddedAndTruncated() throws {
        var padded = ModuleByteReader([0x80, 0x00][...])
        #expect(try padded.readVarUInt32("zero") == 0)
        var minusOne = ModuleByteReader([0xFF, 0x7F][...])
        #expect(try minusOne.readVarInt(bits: 32, "minus one") == -1)
        var truncated = ModuleByteReader([0x80][...])
        #expect(throws: InstrumentationError.self) { try truncated.readVarUInt32("a value") }
        var truncatedSigned = ModuleByteReader([0xC0][...])
        #expect(throws: InstrumentationError.self) { try truncatedSigned.readVarInt(bits: 32, "a value") }
    }

    @Test("a size written padded takes five bytes and reads back as itself", arguments: unsignedValues)
    func writtenPadded(value: UInt32) throws {
        var bytes: [UInt8] = [0xAA] + [UInt8](repeating: 0, count: LEB128.paddedUInt32Length) + [0xBB]
        LEB128.write(padded: value, into: &bytes, at: 1)
        #expect(bytes.first == 0xAA && bytes.last == 0xBB)
        var reader = ModuleByteReader(bytes[1..<(1 + LEB128.paddedUInt32Length)])
        #expect(try reader.readVarUInt32("a size") == value)
        #expect(reader.isAtEnd)
    }
}
