/// How WAVE error messages name a type: WIT spelling, by name where the type has one
/// (`point`, `status`, an alias), structurally otherwise (`list<u8>`, `result<_, string>`).
/// Handles print as `own<cart>` / `borrow<cart>` to match `ResourceHandle.description`.
enum WAVETypeName {
    static func of(_ type: ValueType) -> String {
        var out = ""
        append(type, to: &out)
        return out
    }

    static func append(_ type: ValueType, to out: inout String) {
        switch type {
        case .bool: out += "bool"
        case .s8: out += "s8"
        case .u8: out += "u8"
        case .s16: out += "s16"
        case .u16: out += "u16"
        case .s32: out += "s32"
        case .u32: out += "u32"
        case .s64: out += "s64"
        case .u64: out += "u64"
        case .f32: out += "f32"
        case .f64: out += "f64"
        case .char: out += "char"
        case .string: out += "string"
        case .list(let element):
            out += "list<"
            append(element, to: &out)
            out += ">"
        case .record(let record): out += record.name ?? "record"
        case .tuple(let elements):
            out += "tuple<"
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                append(element, to: &out)
            }
            out += ">"
        case .variant(let variant): out += variant.name ?? "variant"
        case .enumeration(let enumeration): out += enumeration.name ?? "enum"
        case .option(let payload):
            out += "option<"
            append(payload, to: &out)
            out += ">"
        case .result(let ok, let err):
            out += "result"
            switch (ok, err) {
            case (nil, nil): break
            case (let ok?, nil):
                out += "<"
                append(ok, to: &out)
                out += ">"
            case (nil, let err?):
                out += "<_, "
                append(err, to: &out)
                out += ">"
            case (let ok?, let err?):
                out += "<"
                append(ok, to: &out)
                out += ", "
                append(err, to: &out)
                out += ">"
            }
        case .flags(let flags): out += flags.name ?? "flags"
        case .own(let resource): out += "own<\(resource.name)>"
        case .borrow(let resource): out += "borrow<\(resource.name)>"
        case .alias(let name, _): out += name
        }
    }
}
