/// Writes component values in WAVE exactly as wasm-wave's writer (and so `wasmtime run --invoke`)
/// prints them; see `/work/shared/notes/wave.md` for the rules.
///
/// The value carries nearly everything the text needs; the type supplies the declaration order
/// of flags. Should a value not fit its type, it is still written, by its own shape.
/// Resource handles have no WAVE syntax (the spec leaves it "TBD"); they print as
/// `ResourceHandle.description`, e.g. `own<cart>#1`, which the parser never reads back: handles
/// are passed back in through `$variables`.
public enum WAVEFormatter {
    public static func format(_ value: ComponentValue, as type: ValueType) -> String {
        var out = ""
        out.reserveCapacity(estimatedLength(of: value))
        write(value, type: type, to: &out)
        return out
    }

    /// Appends the WAVE text of `value` to `out`, for callers assembling a longer line.
    public static func write(_ value: ComponentValue, as type: ValueType, to out: inout String) {
        write(value, type: type, to: &out)
    }

    /// Writes to any output; an output that stops wanting more ends the writing early, leaving
    /// the text incomplete.
    package static func write<O: WAVEOutput>(_ value: ComponentValue, as type: ValueType?, to out: inout O) {
        write(value, type: type, to: &out)
    }

    private static func write<O: WAVEOutput>(_ value: ComponentValue, type: ValueType?, to out: inout O) {
        let type = type?.underlying
        switch value {
        case .bool(let bool): out.waveWrite(bool ? "true" : "false")
        case .s8, .u8, .s16, .u16, .s32, .u32, .s64, .u64:
            if let text = DecimalText.of(value) { out.waveWrite(text) }
        case .f32(let number): WAVEFloatText.append(number, to: &out)
        case .f64(let number): WAVEFloatText.append(number, to: &out)
        case .char(let scalar): WAVETextEscaper.appendChar(scalar, to: &out)
        case .string(let string): WAVETextEscaper.appendString(string, to: &out)
        case .list(let elements):
            var elementType: ValueType?
            if case .list(let declared) = type { elementType = declared }
            out.waveWrite("[")
            for (index, element) in elements.enumerated() {
                guard out.wantsMore else { return }
                if index > 0 { out.waveWrite(", ") }
                write(element, type: elementType, to: &out)
            }
            out.waveWrite("]")
        case .record(let fields):
            writeRecord(fields, type: type, to: &out)
        case .tuple(let elements):
            var elementTypes: [ValueType] = []
            if case .tuple(let declared) = type { elementTypes = declared }
            out.waveWrite("(")
            for (index, element) in elements.enumerated() {
                guard out.wantsMore else { return }
                if index > 0 { out.waveWrite(", ") }
                write(element, type: index < elementTypes.count ? elementTypes[index] : nil, to: &out)
            }
            out.waveWrite(")")
        case .variant(let caseName, let payload):
            appendCaseName(caseName, to: &out)
            if let payload {
                var payloadType: ValueType?
                if case .variant(let variant) = type {
                    payloadType = variant.cases.first(where: { $0.name == caseName })?.payload
                }
                out.waveWrite("(")
                write(payload, type: payloadType, to: &out)
                out.waveWrite(")")
            }
        case .enumCase(let caseName):
            appendCaseName(caseName, to: &out)
        case .option(let payload):
            if let payload {
                var payloadType: ValueType?
                if case .option(let declared) = type { payloadType = declared }
                out.waveWrite("some(")
                write(payload, type: payloadType, to: &out)
                out.waveWrite(")")
            } else {
                out.waveWrite("none")
            }
        case .result(let result):
            var okType: ValueType?
            var errType: ValueType?
            if case .result(let ok, let err) = type {
                okType = ok
                errType = err
            }
            switch result {
            case .ok(let payload):
                out.waveWrite("ok")
                writePayload(payload, type: okType, to: &out)
            case .err(let payload):
                out.waveWrite("err")
                writePayload(payload, type: errType, to: &out)
            }
        case .flags(let names):
            writeFlags(names, type: type, to: &out)
        case .handle(let handle):
            out.waveWrite(handle.description)
        }
    }

    private static func writePayload<O: WAVEOutput>(_ payload: ComponentValue?, type: ValueType?, to out: inout O) {
        guard let payload else { return }
        out.waveWrite("(")
        write(payload, type: type, to: &out)
        out.waveWrite(")")
    }

    /// `{a: 1, b: 2}`, leaving out fields whose value is an option `none`; `{:}` if none remain.
    private static func writeRecord<O: WAVEOutput>(
        _ fields: [ComponentValue.RecordField], type: ValueType?, to out: inout O
    ) {
        var declared: [RecordType.Field] = []
        if case .record(let record) = type { declared = record.fields }
        out.waveWrite("{")
        var first = true
        for (index, field) in fields.enumerated() {
            guard out.wantsMore else { return }
            if case .option(nil) = field.value { continue }
            if first { first = false } else { out.waveWrite(", ") }
            out.waveWrite(field.name)
            out.waveWrite(": ")
            // Fields normally come in declaration order; look the name up only if they do not.
            let fieldType: ValueType? =
                index < declared.count && declared[index].name == field.name
                ? declared[index].type
                : declared.first(where: { $0.name == field.name })?.type
            write(field.value, type: fieldType, to: &out)
        }
        if first { out.waveWrite(":") }
        out.waveWrite("}")
    }

    /// `{read, write}` in the flags type's declaration order, `{}` when no flag is set.
    private static func writeFlags<O: WAVEOutput>(_ names: [String], type: ValueType?, to out: inout O) {
        var ordered = names
        if case .flags(let flags) = type {
            let position = { (name: String) in flags.flags.firstIndex(of: name) ?? Int.max }
            var inOrder = true
            var previous = -1
            for name in names {
                let current = position(name)
                if current < previous {
                    inOrder = false
                    break
                }
                previous = current
            }
            if !inOrder { ordered.sort { position($0) < position($1) } }
        }
        out.waveWrite("{")
        for (index, name) in ordered.enumerated() {
            guard out.wantsMore else { return }
            if index > 0 { out.waveWrite(", ") }
            out.waveWrite(name)
        }
        out.waveWrite("}")
    }

    private static func appendCaseName<O: WAVEOutput>(_ name: String, to out: inout O) {
        if WAVEKeyword.isKeyword(name) { out.waveWrite("%") }
        out.waveWrite(name)
    }

    /// A first guess at the text's length so the common results need a single allocation.
    private static func estimatedLength(of value: ComponentValue) -> Int {
        switch value {
        case .string(let string): return string.utf8.count + 8
        case .list(let elements): return 2 + elements.count * 6
        case .record(let fields): return 4 + fields.count * 16
        case .tuple(let elements): return 2 + elements.count * 8
        case .option(let payload?): return 6 + estimatedLength(of: payload)
        case .result(.ok(let payload?)), .result(.err(let payload?)), .variant(_, let payload?):
            return 16 + estimatedLength(of: payload)
        default: return 24
        }
    }
}
