import Synchronization
import WasmComponent

/// The values of an audit text not written yet (see `AuditText`): a call's arguments or its
/// result, small enough to hold, formatted the first time the text is read and kept then.
/// Shared by the preview a decision is recorded with and the measured text of the outcome.
final class DeferredAuditText: Sendable {
    private enum Values: Sendable {
        case arguments([ComponentValue], FunctionType)
        case result(ComponentValue, ValueType)
    }

    private let values: Values
    /// What the values hold in memory, roughly (at most `AuditText.previewBytes`).
    let retainedBytes: Int
    private let texts = Mutex<(preview: AuditText.Formatted?, measured: AuditText.Formatted?)>((nil, nil))

    /// Nil when the arguments hold more than a preview: those are formatted at once.
    init?(_ arguments: [ComponentValue], _ type: FunctionType) {
        guard let bytes = Self.retainedBytes(of: arguments, limit: AuditText.previewBytes) else { return nil }
        values = .arguments(arguments, type)
        retainedBytes = bytes
    }

    init?(_ result: ComponentValue, _ type: ValueType) {
        guard let bytes = Self.retainedBytes(of: [result], limit: AuditText.previewBytes) else { return nil }
        values = .result(result, type)
        retainedBytes = bytes
    }

    func formatted(measuring: Bool) -> AuditText.Formatted {
        if let known = texts.withLock({ measuring ? $0.measured : $0.preview }) { return known }
        // Written outside the lock (the same text whoever writes it), kept by the first.
        let text =
            switch values {
            case .arguments(let arguments, let type):
                measuring ? AuditText.measured(arguments, type) : AuditText.formattedPreview(of: arguments, type)
            case .result(let result, let type):
                AuditText.formattedResult(result, type)
            }
        return texts.withLock { texts in
            if measuring {
                if texts.measured == nil { texts.measured = text.formatted }
                return texts.measured ?? text.formatted
            }
            if texts.preview == nil { texts.preview = text.formatted }
            return texts.preview ?? text.formatted
        }
    }

    /// The bytes `values` hold (strings, names, 16 per value), or nil past `limit`: counting
    /// stops there, so a large value costs no more to look at than a small one.
    private static func retainedBytes(of values: [ComponentValue], limit: Int) -> Int? {
        var total = 0
        var nested: [ComponentValue] = []
        // Counts `value` and sets aside what it holds; false past the limit. A single payload
        // (an option's, a result's) is followed in place: nothing set aside, nothing allocated.
        func count(_ value: ComponentValue) -> Bool {
            var value = value
            while true {
                total += 16
                switch value {
                case .string(let text): total += text.utf8.count
                case .enumCase(let name): total += name.utf8.count
                case .flags(let names): total += names.reduce(0) { $0 + 16 + $1.utf8.count }
                case .list(let elements), .tuple(let elements):
                    // Checked before they are looked at: a long list is refused in one step.
                    guard total + 16 * elements.count <= limit else { return false }
                    // Scalars (a list of bytes) are counted here, the rest when looked at.
                    for element in elements {
                        if element.isScalar { total += 16 } else { nested.append(element) }
                    }
                case .record(let fields):
                    guard total + 16 * fields.count <= limit else { return false }
                    for field in fields {
                        total += field.name.utf8.count
                        nested.append(field.value)
                    }
                case .variant(let name, let payload?):
                    total += name.utf8.count
                    value = payload
                    continue
                case .variant(let name, nil): total += name.utf8.count
                case .option(let payload?), .result(.ok(let payload?)), .result(.err(let payload?)):
                    value = payload
                    continue
                default: break
                }
                return total <= limit
            }
        }
        for value in values {
            guard count(value) else { return nil }
            while let inner = nested.popLast() {
                guard count(inner) else { return nil }
            }
        }
        return total
    }
}

extension ComponentValue {
    /// A number, `bool` or `char`: a value that holds nothing more.
    var isScalar: Bool {
        switch self {
        case .bool, .s8, .u8, .s16, .u16, .s32, .u32, .s64, .u64, .f32, .f64, .char: true
        default: false
        }
    }
}
