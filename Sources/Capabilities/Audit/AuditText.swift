import WasmComponent

/// A value or message as the audit keeps it: at most `previewBytes` bytes of its text (WAVE for
/// values); when the text is longer, its whole length in bytes and its SHA-256 too, so a record
/// can still be checked against the value without the host ever holding the whole text.
public struct AuditText: Hashable, Sendable, CustomStringConvertible {
    /// What the audit keeps of one text, per argument list, result or message.
    public static let previewBytes = 4096

    /// The text, or its first `previewBytes` bytes (cut at a character boundary).
    public let preview: String
    /// The whole text's length in UTF-8 bytes; nil when it is cut and was not measured (the
    /// `decided` record, made before anything large is formatted).
    public let byteCount: Int?
    /// The whole text's SHA-256 (hex) when the preview is cut and it was measured.
    public let sha256: String?

    /// The preview is the whole text.
    public var isComplete: Bool { byteCount == preview.utf8.count }

    public var description: String { preview }

    /// A short text, kept whole (the empty result of a function that returns nothing).
    public static let empty = AuditText(preview: "", byteCount: 0, sha256: nil)

    package init(preview: String, byteCount: Int?, sha256: String?) {
        self.preview = preview
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// A plain text (an error message), measured and digested when it is longer than a preview.
    public init(_ text: String) {
        var output = MeasuringOutput(limit: Self.previewBytes)
        output.waveWrite(text)
        self = output.text
    }

    /// The first bytes of a call's arguments as WAVE (`"./demo.txt", 3`), formatted no further:
    /// cheap whatever the guest passed.
    static func preview(of arguments: [ComponentValue], _ type: FunctionType) -> AuditText {
        var output = WAVEPrefixOutput(limit: previewBytes)
        write(arguments, type, to: &output)
        return AuditText(preview: output.text, byteCount: output.isCut ? nil : output.keptBytes, sha256: nil)
    }

    /// The arguments measured whole: the preview, and the length and digest of the rest.
    static func measured(_ arguments: [ComponentValue], _ type: FunctionType) -> AuditText {
        var output = MeasuringOutput(limit: previewBytes)
        write(arguments, type, to: &output)
        return output.text
    }

    /// A result measured whole; the empty text for a function without one.
    static func measured(_ result: ComponentValue?, _ type: ValueType?) -> AuditText {
        guard let result, let type else { return .empty }
        var output = MeasuringOutput(limit: previewBytes)
        WAVEFormatter.write(result, as: type, to: &output)
        return output.text
    }

    private static func write<O: WAVEOutput>(_ arguments: [ComponentValue], _ type: FunctionType, to output: inout O) {
        for (index, argument) in arguments.enumerated() where index < type.parameters.count {
            guard output.wantsMore else { return }
            if index > 0 { output.waveWrite(", ") }
            WAVEFormatter.write(argument, as: type.parameters[index].type, to: &output)
        }
    }
}

/// Keeps the first `limit` bytes of what is written, and counts and digests all of it.
private struct MeasuringOutput: WAVEOutput {
    private var prefix: WAVEPrefixOutput
    private var hasher = SHA256()

    init(limit: Int) { prefix = WAVEPrefixOutput(limit: limit, countsAll: true) }

    var wantsMore: Bool { true }

    mutating func waveWrite(_ text: some StringProtocol) {
        hasher.update(text.utf8)
        prefix.waveWrite(text)
    }

    mutating func waveWrite(_ scalar: Unicode.Scalar) { waveWrite(String(scalar)) }

    var text: AuditText {
        var hasher = hasher
        return AuditText(
            preview: prefix.text, byteCount: prefix.totalBytes, sha256: prefix.isCut ? hasher.hexDigest() : nil)
    }
}

extension AuditText: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self.init(text) }
}
