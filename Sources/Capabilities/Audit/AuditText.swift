import WasmComponent

/// A value or message as the audit keeps it: at most `previewBytes` bytes of its text (WAVE for
/// values); when the text is longer, its whole length in bytes and its SHA-256 too, so a record
/// can still be checked against the value without the host ever holding the whole text.
///
/// The WAVE of a small value (at most `previewBytes` bytes held) is written only when first read
/// (`DeferredAuditText`): a host call nobody looks at costs no formatting. Reading gives the same
/// text, whenever it happens; larger values are formatted at once, so the audit never holds more
/// of a value than a preview.
public struct AuditText: Hashable, Sendable, CustomStringConvertible {
    /// What the audit keeps of one text, per argument list, result or message.
    public static let previewBytes = 4096

    private enum Storage: Sendable {
        case formatted(Formatted)
        /// A deferred text: as a bounded preview, or `measuring` the whole.
        case deferred(DeferredAuditText, measuring: Bool)
        /// A number, `bool` or `char`: a short text that needs no type, written when read and
        /// kept as the value itself (no object to allocate per host call).
        case scalar(ComponentValue)
    }

    /// The text as the audit records it.
    struct Formatted: Hashable, Sendable {
        let preview: String
        let byteCount: Int?
        let sha256: String?

        var isComplete: Bool { byteCount == preview.utf8.count }
    }

    private let storage: Storage

    /// The text, or its first `previewBytes` bytes (cut at a character boundary).
    public var preview: String { formatted.preview }
    /// The whole text's length in UTF-8 bytes; nil when it is cut and was not measured (the
    /// `decided` record, made before anything large is formatted).
    public var byteCount: Int? { formatted.byteCount }
    /// The whole text's SHA-256 (hex) when the preview is cut and it was measured.
    public var sha256: String? { formatted.sha256 }

    /// The preview is the whole text (a scalar's always is: it is not written to say so).
    public var isComplete: Bool {
        if case .scalar = storage { return true }
        return formatted.isComplete
    }

    public var description: String { preview }

    /// A short text, kept whole (the empty result of a function that returns nothing).
    public static let empty = AuditText(preview: "", byteCount: 0, sha256: nil)

    package init(preview: String, byteCount: Int?, sha256: String?) {
        storage = .formatted(Formatted(preview: preview, byteCount: byteCount, sha256: sha256))
    }

    private init(_ deferred: DeferredAuditText, measuring: Bool) {
        storage = .deferred(deferred, measuring: measuring)
    }

    /// A plain text (an error message), measured and digested when it is longer than a preview.
    public init(_ text: String) {
        var output = MeasuringOutput(limit: Self.previewBytes)
        output.waveWrite(text)
        self = output.text
    }

    var formatted: Formatted {
        switch storage {
        case .formatted(let formatted): return formatted
        case .deferred(let deferred, let measuring): return deferred.formatted(measuring: measuring)
        case .scalar(let value):
            let text: String
            // An integer's WAVE is its decimal text (as `WAVEFormatter` writes it): made directly.
            if let decimal = DecimalText.of(value) {
                text = decimal
            } else {
                var output = WAVEPrefixOutput(limit: Self.previewBytes)
                WAVEFormatter.write(value, as: nil, to: &output)
                text = output.text
            }
            return Formatted(preview: text, byteCount: text.utf8.count, sha256: nil)
        }
    }

    /// The text of `values` when it is one scalar (see `Storage.scalar`).
    private static func scalar(_ values: some Collection<ComponentValue>) -> AuditText? {
        guard values.count == 1, let value = values.first, value.isScalar else { return nil }
        return AuditText(storage: .scalar(value))
    }

    private init(storage: Storage) { self.storage = storage }

    /// Whether the text is still to be written (then `measuredArguments` needs no look at it).
    var isDeferred: Bool {
        if case .deferred = storage { return true }
        return false
    }

    /// What the text holds in memory, for the audit's history limit: the preview, or the values
    /// a deferred text will be written from.
    var retainedBytes: Int {
        switch storage {
        case .formatted(let formatted): return formatted.preview.utf8.count
        case .deferred(let deferred, _): return deferred.retainedBytes
        case .scalar: return 16
        }
    }

    public static func == (lhs: AuditText, rhs: AuditText) -> Bool { lhs.formatted == rhs.formatted }
    public func hash(into hasher: inout Hasher) { formatted.hash(into: &hasher) }

    /// The first bytes of a call's arguments as WAVE (`"./demo.txt", 3`), formatted no further:
    /// cheap whatever the guest passed.
    static func preview(of arguments: [ComponentValue], _ type: FunctionType) -> AuditText {
        if arguments.isEmpty { return .empty }
        if let scalar = scalar(arguments) { return scalar }
        if let deferred = DeferredAuditText(arguments, type) { return AuditText(deferred, measuring: false) }
        return formattedPreview(of: arguments, type)
    }

    /// The arguments measured whole, after `preview(of:_:)` gave `preview`: nil when that preview
    /// already is the whole text, and for a deferred preview the same values, measured when read.
    static func measuredArguments(
        _ arguments: [ComponentValue], _ type: FunctionType, after preview: AuditText
    ) -> AuditText? {
        if case .deferred(let deferred, _) = preview.storage { return AuditText(deferred, measuring: true) }
        return preview.isComplete ? nil : measured(arguments, type)
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
        if let scalar = scalar(CollectionOfOne(result)) { return scalar }
        if let deferred = DeferredAuditText(result, type) { return AuditText(deferred, measuring: true) }
        return formattedResult(result, type)
    }

    static func formattedPreview(of arguments: [ComponentValue], _ type: FunctionType) -> AuditText {
        var output = WAVEPrefixOutput(limit: previewBytes)
        write(arguments, type, to: &output)
        return AuditText(preview: output.text, byteCount: output.isCut ? nil : output.keptBytes, sha256: nil)
    }

    static func formattedResult(_ result: ComponentValue, _ type: ValueType) -> AuditText {
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

/// Keeps the first `limit` bytes of what is written, and counts and digests all of it. The
/// digest is only wanted for a text longer than the limit: hashing starts when the text is cut,
/// with what was kept before, so a short text is never hashed.
private struct MeasuringOutput: WAVEOutput {
    private var prefix: WAVEPrefixOutput
    private var hasher = SHA256()

    init(limit: Int) { prefix = WAVEPrefixOutput(limit: limit, countsAll: true) }

    var wantsMore: Bool { true }

    mutating func waveWrite(_ text: some StringProtocol) {
        if prefix.isCut {
            hasher.update(text.utf8)
            prefix.waveWrite(text)
            return
        }
        let keptBefore = prefix.keptBytes
        prefix.waveWrite(text)
        if prefix.isCut {
            // The text so far: what was kept before this piece, then the whole piece.
            hasher.update(prefix.text.utf8.prefix(keptBefore))
            hasher.update(text.utf8)
        }
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
