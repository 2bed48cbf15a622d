import Testing
import WasmComponent
import WasmRuntime

/// A lifted export keeps the arrays its calls lower arguments into and lift results from; each
/// call must still see only its own values.
@Suite("Arrays kept between calls")
struct CallScratchTests {
    @Test("calls of one export with arguments of every size, one after another, each get their own result")
    func eachCallItsOwnValues() throws {
        let values = try loadValues()
        let echo = try values.resolve("echo.echo-string")
        let point = try values.resolve("echo.echo-point")
        let texts = ["", "a", String(repeating: "kilobyte ", count: 114), "ünïcödé ✓", "b"]
        for round in 0..<3 {
            for text in texts {
                #expect(try values.call(echo, [.string(text)]) == .string(text))
                let fields: [ComponentValue.RecordField] = [
                    ComponentValue.RecordField(name: "x", value: .s32(Int32(round))),
                    ComponentValue.RecordField(name: "y", value: .s32(-1)),
                ]
                #expect(try values.call(point, [.record(fields)]) == .record(fields))
            }
        }
    }

    @Test("a call refused while its arguments are lowered leaves the next call unharmed")
    func refusedCallThenGood() throws {
        let values = try loadValues()
        let echo = try values.resolve("echo.echo-string")
        #expect(throws: (any Error).self) { try values.call(echo, [.u32(1)]) }
        #expect(throws: (any Error).self) { try values.call(echo, []) }
        #expect(try values.call(echo, [.string("after")]) == .string("after"))
    }
}
