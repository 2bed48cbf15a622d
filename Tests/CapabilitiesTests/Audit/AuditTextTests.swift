import Testing
import WasmComponent

@testable import Capabilities

@Suite("Audit texts written when read")
struct AuditTextTests {
    static let stringType = FunctionType(parameters: [.init(name: "s", type: .string)], result: .string)

    /// Small and large values, and a small one whose WAVE text outgrows a preview (escapes).
    static let strings = [
        "./demo.txt", "", "tab\tquote\"", String(repeating: "\u{1}", count: 1000), String(repeating: "x", count: 5000),
        String(repeating: "é", count: 3000),
    ]

    @Test("a deferred text reads as the text written at once", arguments: strings)
    func sameText(_ text: String) {
        let arguments: [ComponentValue] = [.string(text)]
        let preview = AuditText.preview(of: arguments, Self.stringType)
        #expect(preview == AuditText.formattedPreview(of: arguments, Self.stringType))
        #expect(preview.preview == AuditText.formattedPreview(of: arguments, Self.stringType).preview)
        let measured = AuditText.measuredArguments(arguments, Self.stringType, after: preview)
        let eager = AuditText.measured(arguments, Self.stringType)
        #expect((measured ?? preview) == eager)
        #expect((measured ?? preview).byteCount == eager.byteCount && (measured ?? preview).sha256 == eager.sha256)
        let result = AuditText.measured(.string(text), .string)
        #expect(result == AuditText.formattedResult(.string(text), .string))
    }

    @Test(
        "a number, bool or char kept as its value reads as the text written at once",
        arguments: [
            (ComponentValue.u64(.max), ValueType.u64), (.s8(-128), .s8), (.bool(true), .bool), (.f32(-0.5), .f32),
            (.f64(.nan), .f64), (.char("\u{7}"), .char), (.char("'"), .char),
        ])
    func scalarText(_ value: ComponentValue, _ type: ValueType) {
        let result = AuditText.measured(value, type)
        #expect(result == AuditText.formattedResult(value, type))
        #expect(result.preview == AuditText.formattedResult(value, type).preview && result.isComplete)
        #expect(result.retainedBytes == 16)
        let parameters = FunctionType(parameters: [.init(name: "x", type: type)], result: nil)
        let preview = AuditText.preview(of: [value], parameters)
        #expect(preview == AuditText.measured([value], parameters))
        #expect(AuditText.measuredArguments([value], parameters, after: preview) == nil)
    }

    @Test("a cut text's digest is that of the whole text, however it was written in pieces")
    func digestOfWholeText() {
        let long = String(repeating: "0123456789", count: 500) + "é"
        let plain = AuditText(long)
        #expect(plain.byteCount == long.utf8.count && plain.preview.utf8.count <= AuditText.previewBytes)
        #expect(plain.sha256 == SHA256.hexDigest(of: Array(long.utf8)))
        let wave = AuditText.measured([.string(long), .u32(7)], Self.twoParameters)
        let whole = "\"" + long + "\", 7"
        #expect(wave.byteCount == whole.utf8.count)
        #expect(wave.sha256 == SHA256.hexDigest(of: Array(whole.utf8)))
        #expect(AuditText("short").sha256 == nil && AuditText("short").isComplete)
    }

    static let twoParameters = FunctionType(
        parameters: [.init(name: "s", type: .string), .init(name: "n", type: .u32)], result: nil)

    @Test("only values that hold at most a preview wait; their size is what the history counts")
    func onlySmallValuesWait() {
        let small = AuditText.preview(of: [.string("./demo.txt")], Self.stringType)
        #expect(small.isDeferred)
        #expect(small.retainedBytes <= AuditText.previewBytes)
        let large = AuditText.preview(of: [.string(String(repeating: "x", count: 5000))], Self.stringType)
        #expect(!large.isDeferred)
        let longList = ComponentValue.list(Array(repeating: .u8(1), count: 100_000))
        #expect(!AuditText.measured(longList, .list(.u8)).isDeferred)
        #expect(AuditText.measured(.list([.u8(1), .u8(2)]), .list(.u8)).preview == "[1, 2]")
    }

    @Test("a deferred text read from many threads at once reads the same everywhere")
    func concurrentReads() async {
        let text = AuditText.measured(.option(.s32(-7)), .option(.s32))
        let previews = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { text.preview } }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(previews) == ["some(-7)"])
    }
}
