/// Prints component worlds and signatures as WIT text.
///
/// `print(_:)` reproduces `wasm-tools component wit` (1.262) for the component the world was
/// read from: same items, order, blank lines, indentation and `%`-escaping. Docs are not printed
/// (a component binary carries none unless it has a `package-docs` section).
public enum WITPrinter {
    /// The whole world as WIT: `package root:component;`, `world root { ... }`, then the
    /// definitions of every package interface it imports or exports.
    ///
    /// Functions that are resource members keep their component-model names (`[constructor]r`,
    /// `[method]r.m`, `[static]r.m`); a method's first parameter is its `self` and is not printed.
    public static func print(_ world: ComponentWorld) -> String {
        WITDocumentWriter.document(for: world)
    }

    /// `func(path: string) -> result<string, string>`.
    public static func signature(of function: FunctionType) -> String {
        WITTypeNamer().signature(of: function)
    }

    /// `func(string) -> result<string, string>`: the shape of a function's type, parameter and
    /// type names left out, for comparing an import with what a host implements.
    public static func structuralSignature(of function: FunctionType) -> String {
        WITTypeNamer.structuralSignature(of: function)
    }

    /// `list<u8>`, `option<point>`, `result<_, string>`, `borrow<cart>`; a named record, variant,
    /// enum, flags, alias or resource prints its name.
    public static func typeName(_ type: ValueType) -> String {
        WITTypeNamer().name(of: type)
    }
}
