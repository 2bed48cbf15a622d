/// Short WIT-like names of types and values for error messages (`list<u32>`, `variant shape`,
/// `flags perms`). Only used when an error is built, never in the hot path.
enum TypeNaming {
    /// A type as a message names it: nominal types with their kind (`variant shape`),
    /// others in WIT syntax (`list<u32>`, `result<u32, string>`).
    static func describe(_ type: ValueType) -> String {
        switch type {
        case .record(let record): return nominal("record", record.name)
        case .variant(let variant): return nominal("variant", variant.name)
        case .enumeration(let enumeration): return nominal("enum", enumeration.name)
        case .flags(let flags): return nominal("flags", flags.name)
        default: return reference(type)
        }
    }

    /// A type as WIT writes it where it is used: nominal types by name, `own<r>` spelled out.
    static func reference(_ type: ValueType) -> String {
        WITTypeNamer.message.name(of: type)
    }

    /// What kind of value a host passed, for type-mismatch messages.
    static func describe(_ value: ComponentValue) -> String {
        switch value {
        case .bool: return "bool"
        case .s8: return "s8"
        case .u8: return "u8"
        case .s16: return "s16"
        case .u16: return "u16"
        case .s32: return "s32"
        case .u32: return "u32"
        case .s64: return "s64"
        case .u64: return "u64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        case .list: return "list"
        case .record: return "record"
        case .tuple(let elements): return "tuple of \(elements.count)"
        case .variant(let caseName, _): return "variant case `\(caseName)`"
        case .enumCase(let name): return "enum case `\(name)`"
        case .option: return "option"
        case .result: return "result"
        case .flags: return "flags"
        case .handle(let handle): return "handle \(handle)"
        }
    }

    private static func nominal(_ kind: String, _ name: String?) -> String {
        guard let name else { return kind }
        return "\(kind) \(name)"
    }
}
