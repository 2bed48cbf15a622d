/// WIT's reserved words, which an identifier must spell with a `%` prefix (`%type`, `%list`).
enum WITKeywords {
    static let all: Set<String> = [
        "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64",
        "float32", "float64", "char", "resource", "record", "flags", "variant", "enum", "bool",
        "string", "option", "result", "future", "stream", "list", "own", "borrow", "_", "as", "from",
        "static", "interface", "tuple", "world", "import", "export", "package", "with", "include",
        "constructor", "error-context", "async", "map",
    ]

    /// The identifier as WIT source spells it.
    static func escape(_ name: String) -> String {
        all.contains(name) ? "%" + name : name
    }
}
