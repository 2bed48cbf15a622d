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

    /// What the generic decoder says of `bytes`: the value, or the error the reader should throw,
    /// with the offset it stopped at.
    private static func expected<Value>(
        _ bytes: [UInt8], _ decode: (inout Int) throws(LEB128.Problem) -> Value
    ) -> Result<Value, InstrumentationError> {
        var position = 0
        do throws(LEB128.Problem) {
            return .success(try decode(&position))
        } catch {
            let reason: InstrumentationError.Reason =
                error == .truncated ? .truncated("a value") : .malformedInteger("a value")
            return .failure(InstrumentationError(reason, offset: position))
        }
    }

    private static func actual<Value>(
        _ read: () throws(InstrumentationError) -> Value
    ) -> Result<Value, InstrumentationError> {
        do throws(InstrumentationError) { return .success(try read()) } catch { return .failure(error) }
    }

    /// Every ending an integer can have: cut short, a long run of continuation bytes, and a
    /// last byte with each pattern of the bits beyond the width (unsigned: zero; signed: the
    /// sign repeated).
    static let awkwardEncodings: [[UInt8]] = {
        var encodings: [[UInt8]] = []
        for length in 1...11 {
            for last: UInt8 in [0x00, 0x01, 0x0F, 0x10, 0x1F, 0x3F, 0x40, 0x70, 0x7F, 0x80, 0xFF] {
                for filler: UInt8 in [0x80, 0xFF] {
                    encodings.append([UInt8](repeating: filler, count: length - 1) + [last])
                }
            }
        }
        return encodings
    }()

    @Test(
        "the reader decodes integers itself exactly as the generic decoder: each value, each error and where it stops")
    func readerAgreesWithTheGenericDecoder() {
        for bytes in Self.awkwardEncodings {
            func check<Value: Equatable>(
                _ read: (inout ModuleByteReader) throws(InstrumentationError) -> Value,
                _ decode: (inout Int) throws(LEB128.Problem) -> Value
            ) {
                var reader = ModuleByteReader(bytes[...])
                let got = Self.actual { () throws(InstrumentationError) in try read(&reader) }
                let want = Self.expected(bytes, decode)
                #expect(got == want, "\(bytes.map { String($0, radix: 16) })")
            }
            check({ reader throws(InstrumentationError) in try reader.readVarUInt32("a value") }) {
                position throws(LEB128.Problem) in
                UInt32(try LEB128.unsigned(bytes, at: &position, end: bytes.count, bits: 32))
            }
            check({ reader throws(InstrumentationError) in try reader.readVarUInt64("a value") }) {
                position throws(LEB128.Problem) in
                try LEB128.unsigned(bytes, at: &position, end: bytes.count, bits: 64)
            }
            for bits in [32, 33, 64] {
                check({ reader throws(InstrumentationError) in try reader.readVarInt(bits: bits, "a value") }) {
                    position throws(LEB128.Problem) in
                    try LEB128.signed(bytes, at: &position, end: bytes.count, bits: bits)
                }
            }
        }
    }
}
